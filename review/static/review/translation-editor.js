/*
 * wagtail-localize's translation editor writes a few texts without gettext: its heading
 * ("Suomi to Svenska translation") and its menus' "More actions" for screen readers. Once its
 * script has rendered the editor, this puts them into the user's language from the JavaScript
 * catalogs on the page. Remove when wagtail-localize translates them itself (see
 * review/upstream_localize.py, gap 6).
 */
document.addEventListener('DOMContentLoaded', () => {
  const editor = document.querySelector('.js-translation-editor');
  if (!editor || !editor.dataset.props || typeof window.gettext !== 'function') {
    return;
  }
  const props = JSON.parse(editor.dataset.props);
  const source = props.sourceLocale.displayName;
  const target = props.locale.displayName;
  const translated = new Map([
    [
      `${source} to ${target} translation`,
      window.interpolate(window.gettext('%(source)s to %(target)s translation'), { source, target }, true),
    ],
    ['More actions', window.gettext('More actions')],
  ]);
  const translateTexts = () => {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      // The text node stays React's own: only its value changes.
      const text = translated.get(walker.currentNode.nodeValue);
      if (text) {
        walker.currentNode.nodeValue = text;
      }
    }
  };
  new MutationObserver(translateTexts).observe(editor, { childList: true, subtree: true });
  translateTexts();
});
