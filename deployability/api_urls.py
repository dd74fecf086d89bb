app_name = "deployability-api"

urlpatterns: list = []
