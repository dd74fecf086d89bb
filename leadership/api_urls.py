app_name = "leadership-api"

urlpatterns: list = []
