// Title suggestions for the search box: fills the box's <datalist> as the visitor types.
// The search works the same without this script.
document.addEventListener("DOMContentLoaded", () => {
  const input = document.querySelector("input[data-suggest-url]");
  if (!input || !input.list) return;
  const list = input.list;
  let timer = null;
  let controller = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      list.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      if (controller) controller.abort();
      controller = new AbortController();
      try {
        const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(text)}`;
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!response.ok) return;
        const data = await response.json();
        list.replaceChildren(...data.suggestions.map((item) => new Option(item.title)));
      } catch (error) {
        if (error.name !== "AbortError") list.replaceChildren();
      }
    }, 200);
  });
});
