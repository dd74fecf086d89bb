from django.urls import path

from reward.matrix import apis as a

urlpatterns = [
    path("matrix/", a.MatrixApi.as_view(), name="matrix"),
    path("matrix/mine/", a.MyCellApi.as_view(), name="matrix-mine"),
    path("matrix/functions/", a.FunctionListApi.as_view(), name="matrix-functions"),
    path("matrix/functions/<int:pk>/reclassify/", a.FunctionReclassifyApi.as_view(), name="matrix-reclassify"),
    path("matrix/families/", a.FamilyListApi.as_view(), name="matrix-families"),
    path("matrix/families/<int:pk>/", a.FamilyDetailApi.as_view(), name="matrix-family"),
    path("matrix/families/<int:pk>/move/", a.FamilyMoveApi.as_view(), name="matrix-family-move"),
    path("matrix/families/<int:pk>/deactivate/", a.FamilyDeactivateApi.as_view(), name="matrix-family-deactivate"),
    path("matrix/staff/<int:staff_id>/", a.StaffFunctionApi.as_view(), name="matrix-staff"),
]
