// Filters start closed on small screens, so that the first results show without scrolling;
// without JavaScript they stay open and the page works the same.
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 48em)").matches) return;
  document.querySelectorAll("details.filters").forEach(function (filters) {
    if (!filters.querySelector(".is-selected")) filters.removeAttribute("open");
  });
})();
