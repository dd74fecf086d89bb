from django.urls import path

from reward.labourmarket import views as v

urlpatterns = [
    path("labour-market/", v.LabourMarketHomeView.as_view(), name="labourmarket-index"),
    path("labour-market/shortage/", v.ShortageListView.as_view(), name="labourmarket-shortage"),
    path("labour-market/shortage/<int:pk>/end/", v.ShortageEndView.as_view(), name="labourmarket-shortage-end"),
    path("labour-market/allowances/", v.AllowanceListView.as_view(), name="labourmarket-allowances"),
    path("labour-market/allowances/new/", v.AllowanceGrantView.as_view(), name="labourmarket-allowance-grant"),
    path("labour-market/allowances/<int:pk>/", v.AllowanceDetailView.as_view(), name="labourmarket-allowance-detail"),
    path("labour-market/allowances/<int:pk>/end/", v.AllowanceEndView.as_view(), name="labourmarket-allowance-end"),
]
