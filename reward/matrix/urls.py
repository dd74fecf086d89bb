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
    path("matrix/staff/<int:staff_id>/", views.StaffFunctionView.as_view(), name="matrix-staff"),
]
