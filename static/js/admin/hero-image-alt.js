// Page editor: when an image is chosen for a page's hero image or in an image block, its
// description (the alt text the upload form requires) fills the alternative-text field
// beside it, unless the editor wrote their own: the alt text is asked once, at upload.
// The whole form is watched: Wagtail may render the chooser again after this runs.
(() => {
  const PAIRS = { hero_image: "hero_image_alt" };
  const previous = {};

  // In a body's image block (and any block with an image beside an alt_text field), the
  // block's alt text is the image's description unless the editor wrote another.
  function blockAltField(chooser) {
    const imageField = chooser.closest("[data-contentpath=image]");
    const struct = imageField && imageField.parentElement.closest("[data-contentpath]");
    return struct && struct.querySelector(":scope [data-contentpath=alt_text] input");
  }

  function suggest(preview) {
    const chooser = preview.closest(".chooser[id$='-chooser']");
    const imageName = chooser && chooser.id.replace(/^id_/, "").replace(/-chooser$/, "");
    const alt =
      (PAIRS[imageName] && document.getElementById(`id_${PAIRS[imageName]}`)) ||
      (chooser && blockAltField(chooser));
    if (!alt) return;
    const suggested = preview.getAttribute("data-default-alt-text") || "";
    if (alt.value === "" || alt.value === (previous[imageName] || "")) {
      alt.value = suggested;
      alt.dispatchEvent(new Event("input", { bubbles: true }));
    }
    previous[imageName] = suggested;
  }

  function start() {
    document.querySelectorAll("[data-chooser-image]").forEach((preview) => {
      const chooser = preview.closest(".chooser[id$='-chooser']");
      if (chooser) previous[chooser.id.replace(/^id_/, "").replace(/-chooser$/, "")] =
        preview.getAttribute("data-default-alt-text") || "";
    });
    new MutationObserver((changes) => {
      changes.forEach((change) => {
        if (change.target.matches && change.target.matches("[data-chooser-image]")) {
          suggest(change.target);
        }
      });
    }).observe(document.body, {
      subtree: true,
      attributes: true,
      attributeFilter: ["data-default-alt-text"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
