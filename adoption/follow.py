"""Following a model or a search by e-mail: double opt-in, alerts on publication, one-click unsubscribe."""

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from models_library.models import OperatingModelPage
from search.query import SearchParams, run_search

from .anonymous import tokenless_form
from .forms import FollowForm
from .models import Follow
from .notifications import send_follow_alert, send_follow_confirmation
from .ratelimit import allow, client_address


def search_querystring(data):
    """The search's own parameters: without the page number, the output format or the e-mail form's fields."""
    data = data.copy()
    for key in ("page", "format", "email", "website", "csrfmiddlewaretoken", "model"):
        data.pop(key, None)
    return data.urlencode()


@tokenless_form
@require_POST
def follow(request):
    form = FollowForm(request.POST)
    page = OperatingModelPage.objects.live().public().filter(pk=request.POST.get("model") or None).first()
    query = "" if page else search_querystring(request.POST)
    back = page.url if page else reverse("search") + (f"?{query}" if query else "")
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address to follow."))
    elif form.is_spam() or not (page or query):
        pass
    elif not allow([f"follow-email:{form.cleaned_data['email'].lower()}", f"follow-ip:{client_address(request)}"]):
        messages.error(request, _("Too many messages have been sent just now. Please try again in a minute."))
    else:
        Follow.objects.unconfirmed_expired().delete()
        item = Follow.objects.create(
            email=form.cleaned_data["email"], operating_model=page, query=query, language=translation.get_language()
        )
        send_follow_confirmation(item, request)
        messages.success(request, _("Almost done: open the link in the message we sent to confirm."))
    return redirect(back)


def confirm(request, token):
    item = get_object_or_404(Follow, token=token)
    item.confirmed = True
    item.save(update_fields=["confirmed"])
    context = {
        "title": _("Following confirmed"),
        "text": _("You will get a message when something you follow changes."),
    }
    return TemplateResponse(request, "adoption/follow_done.html", {**context, "unsubscribe_token": item.token})


@csrf_exempt
def unsubscribe(request, token):
    """Deletes the address at once: a click on the link, or a mail client's one-click POST (RFC 8058)."""
    Follow.objects.filter(token=token).delete()
    if request.method == "POST":
        return HttpResponse(status=204)
    context = {"title": _("Unsubscribed"), "text": _("Your address was deleted. You will get no more messages.")}
    return TemplateResponse(request, "adoption/follow_done.html", context)


def alert_followers(page):
    """Tell the followers of a published model, and of the searches it matches, once per search."""
    for item in Follow.objects.filter(confirmed=True, operating_model__translation_key=page.translation_key):
        send_follow_alert(item, page, changed=True)
    key = str(page.translation_key)
    searches = Follow.objects.filter(confirmed=True, operating_model=None, language=page.locale.language_code)
    for item in searches:
        if key in item.notified_keys:
            continue
        params = SearchParams.from_querydict(QueryDict(item.query))
        outcome = run_search(params, Locale.objects.get(pk=page.locale_id))
        if page.pk in outcome.page_obj.paginator.object_list:
            send_follow_alert(item, page, changed=False)
            item.notified_keys = [*item.notified_keys, key]
            item.save(update_fields=["notified_keys"])
