app_name = "reward-api"

urlpatterns: list = []
