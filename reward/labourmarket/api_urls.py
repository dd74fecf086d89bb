from django.urls import path

from reward.labourmarket import apis as a

urlpatterns = [
    path("labour-market/shortage-functions/", a.ShortageFunctionListApi.as_view(), name="shortage-functions"),
    path(
        "labour-market/shortage-functions/<int:pk>/end/",
        a.ShortageFunctionEndApi.as_view(),
        name="shortage-function-end",
    ),
    path("labour-market/allowances/", a.AllowanceListApi.as_view(), name="labour-market-allowances"),
    path("labour-market/allowances/<int:pk>/", a.AllowanceDetailApi.as_view(), name="labour-market-allowance-detail"),
    path("labour-market/allowances/<int:pk>/end/", a.AllowanceEndApi.as_view(), name="labour-market-allowance-end"),
]
