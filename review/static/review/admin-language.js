/*
 * Wagtail writes a few labels into its admin templates in English, without {% trans %}: the search
 * forms' button "Search" read by screen readers (wagtailadmin/home.html, wagtailadmin/shared/header.html)
 * and the header's navigation label "Actions" (wagtailadmin/shared/headers/_actions.html). This puts
 * them into the user's language from Wagtail's own JavaScript catalog. Remove when Wagtail translates
 * them (see review/upstream_wagtail.py).
 */
document.addEventListener('DOMContentLoaded', () => {
  if (typeof window.gettext !== 'function') {
    return;
  }
  document.querySelectorAll('.submit input[type=submit][value="Search"]').forEach((button) => {
    button.value = window.gettext('Search');
  });
  document.querySelectorAll('#w-slim-header-buttons[aria-label="Actions"]').forEach((nav) => {
    nav.setAttribute('aria-label', window.gettext('Actions'));
  });
});
