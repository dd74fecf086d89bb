app_name = "telework-api"

urlpatterns: list = []
