from django.urls import path

from . import views

app_name = "adoption"
urlpatterns = [
    path("", views.adoption_overview, name="overview"),
    path("<int:page_id>/propose/", views.propose, name="propose"),
    path("<int:page_id>/contact/", views.contact, name="contact"),
    path("<int:page_id>/kit.pdf", views.kit, name="kit"),
]
