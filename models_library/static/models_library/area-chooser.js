// The areas of a description: a search box above the checkboxes (municipalities grouped under
// their county) shows only the areas whose name, or whose county's name, contains the text.
// Hidden checkboxes keep their state, so earlier choices stay chosen.
(function () {
  function normalise(text) {
    return text.toLocaleLowerCase('fi').trim();
  }

  function enhance(container, first) {
    const search = document.createElement('input');
    search.type = 'search';
    search.className = 'area-chooser__search';
    search.setAttribute('aria-label', first.dataset.areaChooser);
    search.placeholder = first.dataset.areaChooser;
    container.parentNode.insertBefore(search, container);

    search.addEventListener('input', function () {
      const query = normalise(search.value);
      container.querySelectorAll('input[type=checkbox]').forEach(function (checkbox) {
        const option = checkbox.closest('label').parentElement;
        const group = option.parentElement !== container ? option.parentElement : null;
        const groupLabel = group ? group.querySelector(':scope > label') : null;
        const text = normalise(checkbox.closest('label').textContent);
        const groupText = groupLabel ? normalise(groupLabel.textContent) : '';
        option.hidden = query !== '' && !text.includes(query) && !groupText.includes(query);
      });
      container.querySelectorAll(':scope > div').forEach(function (group) {
        const options = group.querySelectorAll('input[type=checkbox]');
        const anyShown = Array.prototype.some.call(options, function (checkbox) {
          return !checkbox.closest('label').parentElement.hidden;
        });
        group.hidden = !anyShown;
      });
    });
  }

  function init() {
    const seen = new Set();
    document.querySelectorAll('input[data-area-chooser]').forEach(function (checkbox) {
      const container = checkbox.parentElement.closest('div[id]');
      if (container && !seen.has(container)) {
        seen.add(container);
        enhance(container, checkbox);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
