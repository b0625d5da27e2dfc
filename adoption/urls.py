from django.urls import path

from . import compare, follow, views

app_name = "adoption"
urlpatterns = [
    path("", views.adoption_overview, name="overview"),
    path("<int:page_id>/propose/", views.propose, name="propose"),
    path("<int:page_id>/contact/", views.contact, name="contact"),
    path("<int:page_id>/kit.pdf", views.kit, name="kit"),
    path("compare/", compare.compare, name="compare"),
    path("follow/", follow.follow, name="follow"),
    path("follow/<uuid:token>/confirm/", follow.confirm, name="follow_confirm"),
    path("follow/<uuid:token>/unsubscribe/", follow.unsubscribe, name="unsubscribe"),
    path("compare/add/<int:page_id>/", compare.add, name="compare_add"),
    path("compare/remove/<int:page_id>/", compare.remove, name="compare_remove"),
]
