// Page and snippet editors: a manual save never loses what the editor just typed, and
// never races Wagtail's autosave (iom_site/core/editorial/editor_safety.py says why, the
// upstream behaviour it covers, and when to delete it).
//
// 1. Draftail writes its content into the form's hidden input 250 ms after the last
//    change: typing then clicking « Enregistrer le brouillon » at once sent the text as
//    it was before. A submission within that time waits for it (at most 400 ms).
// 2. Autosave (WAGTAIL_AUTOSAVE_INTERVAL) must not run during or after a manual save: a
//    pending autosave is cancelled and autosave switched off; one already on its way is
//    waited for (on the create view it creates the page and turns the form into the edit
//    form: submitting before it answered would create the page twice), then the form is
//    submitted again with the same action.
// 3. Wagtail takes the form's « unchanged » state 2 s after the page loads: what was
//    typed before then was neither autosaved nor warned about on leaving. It counts now.
// 4. A manual « save draft » overwrites the revision autosave made in this session
//    (autosave's own revision id), so one editing session leaves one « draft saved »
//    entry in the history, not one per pause.
(() => {
  const AUTOSAVE_SETTLE_TIMEOUT = 15000;
  const inflight = new Set();
  const originalFetch = window.fetch.bind(window);

  function isAutosave(resource, init) {
    if (!init || (init.method || "").toUpperCase() !== "POST") return false;
    const headers = init.headers || {};
    const accept = headers.Accept || headers.accept || "";
    const url = typeof resource === "string" ? resource : resource && resource.url;
    const form = document.querySelector("form[data-edit-form]");
    return Boolean(form && accept === "application/json" && url === form.action);
  }

  // Which autosave requests are on their way: they are the form's own POSTs asking JSON.
  window.fetch = (resource, init) => {
    const request = originalFetch(resource, init);
    if (isAutosave(resource, init)) {
      const settled = new Promise((resolve) => {
        const done = () => {
          document.removeEventListener("w-autosave:success", done);
          document.removeEventListener("w-autosave:error", done);
          resolve();
        };
        // Success comes after the form was turned into an edit form (hydration).
        document.addEventListener("w-autosave:success", done);
        document.addEventListener("w-autosave:error", done);
        request.catch(done);
        setTimeout(done, AUTOSAVE_SETTLE_TIMEOUT);
      });
      inflight.add(settled);
      settled.then(() => inflight.delete(settled));
    }
    return request;
  };

  function controllerOf(element, identifier) {
    const app = window.wagtail && window.wagtail.app;
    return app ? app.getControllerForElementAndIdentifier(element, identifier) : null;
  }

  // Draftail's copy into the form: 250 ms after a change (its stateSaveInterval, and the
  // comment-aware wrapper's own timer); a little margin for a busy browser.
  const RICH_TEXT_COPY_DELAY = 400;
  let lastEdit = 0;
  let editedBeforeWatching = false;
  const noteEdit = (event) => {
    lastEdit = Date.now();
    const form = event.target.closest && event.target.closest("form[data-edit-form]");
    const unsaved = form && controllerOf(form, "w-unsaved");
    if (unsaved && !unsaved.initialFormData) editedBeforeWatching = true;
  };
  // Wagtail notes the form's « unchanged » state 2 s after it loads: what the editor typed
  // before that counted as unchanged (no autosave, no warning on leaving the page).
  document.addEventListener("w-unsaved:watch-edits", (event) => {
    if (!editedBeforeWatching) return;
    editedBeforeWatching = false;
    const unsaved = controllerOf(event.target, "w-unsaved");
    if (unsaved) {
      unsaved.forceValue = true;
      unsaved.hasEditsValue = true;
    }
  });
  ["keydown", "input", "paste", "cut", "drop"].forEach((type) =>
    document.addEventListener(type, noteEdit, true),
  );
  // Any change of a rich-text editor's state restarts its timer, leaving it (the click on
  // the save button) included, and its toolbar buttons (bold, a link, a list…).
  ["mousedown", "focusout"].forEach((type) =>
    document.addEventListener(
      type,
      (event) => {
        if (event.target.closest && event.target.closest("[data-draftail-editor-wrapper]")) {
          noteEdit(event);
        }
      },
      true,
    ),
  );

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(ms, 0)));

  function stopAutosave(form) {
    const autosave = controllerOf(form, "w-autosave");
    if (!autosave) return null;
    autosave.activeValue = false;
    if (autosave.submit && typeof autosave.submit.cancel === "function") {
      autosave.submit.cancel();
    }
    return autosave;
  }

  function keepAction(form, submitter) {
    // The button may be disabled by its progress spinner when the form is submitted
    // again: its name and value go in as a hidden field.
    if (submitter && submitter.name) {
      const field = document.createElement("input");
      field.type = "hidden";
      field.name = submitter.name;
      field.value = submitter.value;
      form.appendChild(field);
    }
  }

  function overwriteAutosaveRevision(form, submitter, autosave) {
    const plainSave = !submitter || !submitter.name;
    if (!plainSave || !autosave || !autosave.revisionIdValue) return;
    if (form.querySelector("input[name=overwrite_revision_id]")) return;
    const field = document.createElement("input");
    field.type = "hidden";
    field.name = "overwrite_revision_id";
    field.value = `${autosave.revisionIdValue}`;
    form.appendChild(field);
  }

  let resubmitting = false;

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches("[data-edit-form]")) return;
      if (resubmitting) return;
      const autosave = stopAutosave(form);
      const submitter = event.submitter;
      const untilCopied = RICH_TEXT_COPY_DELAY - (Date.now() - lastEdit);
      if (inflight.size === 0 && untilCopied <= 0) {
        overwriteAutosaveRevision(form, submitter, autosave);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      wait(untilCopied)
        .then(() => Promise.all([...inflight]))
        .then(() => {
          keepAction(form, submitter);
          overwriteAutosaveRevision(form, submitter, autosave);
          resubmitting = true;
          form.requestSubmit();
        });
    },
    true,
  );
})();
