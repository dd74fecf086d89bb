app_name = "mobility-api"

urlpatterns: list = []
