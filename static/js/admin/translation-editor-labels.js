// Workaround (iom_site/core/editorial/localize_workarounds/editor_language.py):
// wagtail-localize's React translation editor writes a few labels in English whatever the
// admin's language. The page gives {English text: text in the admin's language}; each text
// node React draws with one of those English texts gets the translated one.
(() => {
  // The admin loads its scripts in the page's head: the editor's element comes later.
  const swapEditorLabels = () => {
    const data = document.getElementById("iom-editor-labels");
    const root = document.querySelector(".js-translation-editor");
    if (!data || !root) return;
    const labels = JSON.parse(data.textContent);
    const swap = (node) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.currentNode; text; text = walker.nextNode()) {
        if (text.nodeType !== Node.TEXT_NODE) continue;
        const label = labels[text.nodeValue.trim()];
        // Only English keys are looked up, so a swapped text is never swapped again.
        if (label !== undefined && label !== text.nodeValue) text.nodeValue = label;
      }
    };
    swap(root);
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === "characterData") swap(record.target);
        record.addedNodes.forEach(swap);
      }
    }).observe(root, { childList: true, subtree: true, characterData: true });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", swapEditorLabels);
  } else {
    swapEditorLabels();
  }
})();
