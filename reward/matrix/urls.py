from django.urls import path

from reward.matrix import views

urlpatterns = [
    path("matrix/", views.MatrixView.as_view(), name="matrix"),
    path("matrix/mine/", views.MyCellView.as_view(), name="matrix-mine"),
    path("matrix/cells/<int:family_id>/<int:function_class>/", views.CellView.as_view(), name="matrix-cell"),
    path("matrix/cells/top/<int:function_class>/", views.CellView.as_view(), name="matrix-cell-top"),
    path("matrix/functions/", views.FunctionListView.as_view(), name="matrix-functions"),
    path("matrix/functions/new/", views.FunctionCreateView.as_view(), name="matrix-function-create"),
    path("matrix/functions/<int:pk>/", views.FunctionDetailView.as_view(), name="matrix-function"),
    path("matrix/families/", views.FamilyListView.as_view(), name="matrix-families"),
    path("matrix/families/new/", views.FamilyCreateView.as_view(), name="matrix-family-create"),
    path("matrix/families/<int:pk>/", views.FamilyDetailView.as_view(), name="matrix-family"),
    path("matrix/families/<int:pk>/move/", views.FamilyMoveView.as_view(), name="matrix-family-move"),
    path("matrix/staff/<int:staff_id>/", views.StaffFunctionView.as_view(), name="matrix-staff"),
]
