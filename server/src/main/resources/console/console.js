// tillsync back office: child-table rows and upload progress. Served locally; the pages work without it
// (except adding child rows), so nothing here is a security boundary.
(function () {
  "use strict";

  document.addEventListener("click", function (ev) {
    var add = ev.target.closest("[data-add-row]");
    if (add) {
      var name = add.getAttribute("data-add-row");
      var table = document.getElementById(name + "-table");
      var tpl = document.getElementById(name + "-row");
      var i = parseInt(table.getAttribute("data-next") || "0", 10);
      table.setAttribute("data-next", String(i + 1));
      var holder = document.createElement("tbody");
      holder.innerHTML = tpl.innerHTML.split("__i__").join(String(i));
      var row = holder.firstElementChild;
      table.tBodies[0].appendChild(row);
      var first = row.querySelector("input, select");
      if (first) first.focus();
      return;
    }
    var remove = ev.target.closest("[data-remove-row]");
    if (remove) {
      remove.closest("tr").remove();
    }
  });

  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.id !== "upload-form" || !window.XMLHttpRequest || !window.FormData) return;
    ev.preventDefault();
    var progress = document.getElementById("upload-progress");
    var percent = document.getElementById("upload-percent");
    var result = document.getElementById("upload-result");
    var button = document.getElementById("upload-button");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Console-Fetch", "1");
    xhr.setRequestHeader("X-CSRF-Token", form.querySelector("input[name=csrf]").value);
    progress.hidden = false;
    progress.value = 0;
    percent.textContent = "0%";
    button.disabled = true;
    result.innerHTML = "";
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        var p = Math.round(100 * e.loaded / e.total);
        progress.value = p;
        percent.textContent = p + "%";
      }
    };
    xhr.onload = function () {
      progress.value = 100;
      percent.textContent = xhr.status === 200 ? "Done" : "Refused";
      button.disabled = false;
      result.innerHTML = xhr.responseText;
    };
    xhr.onerror = function () {
      button.disabled = false;
      percent.textContent = "";
      result.innerHTML = '<div class="notice error" role="alert">The upload did not reach the server; check the connection and try again.</div>';
    };
    xhr.send(new FormData(form));
  });

  // The import page: the file goes up with a progress bar (preview), then "Apply" shows a working state until the
  // server answers (a 50,000-row file takes seconds). Both answers are the result fragment.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if ((form.id !== "import-form" && form.id !== "apply-form") || !window.XMLHttpRequest || !window.FormData) return;
    ev.preventDefault();
    var applying = form.id === "apply-form";
    var progress = document.getElementById(applying ? "apply-progress" : "import-progress");
    var state = document.getElementById(applying ? "apply-state" : "import-percent");
    var button = document.getElementById(applying ? "apply-button" : "preview-button");
    var result = document.getElementById("import-result");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Console-Fetch", "1");
    xhr.setRequestHeader("X-CSRF-Token", form.querySelector("input[name=csrf]").value);
    progress.hidden = false;
    button.disabled = true;
    if (applying) {
      progress.removeAttribute("value");
      state.textContent = "Working: importing the file, all or nothing…";
    } else {
      progress.value = 0;
      state.textContent = "0%";
      result.innerHTML = "";
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) {
          var p = Math.round(100 * e.loaded / e.total);
          progress.value = p;
          state.textContent = p < 100 ? p + "%" : "Checking every row…";
          if (p >= 100) progress.removeAttribute("value");
        }
      };
    }
    xhr.onload = function () {
      button.disabled = false;
      progress.hidden = true;
      state.textContent = "";
      result.innerHTML = xhr.responseText;
    };
    xhr.onerror = function () {
      button.disabled = false;
      progress.hidden = true;
      state.textContent = "";
      result.insertAdjacentHTML("afterbegin", '<div class="notice error" role="alert">The request did not reach the server; check the connection and try again.</div>');
    };
    xhr.send(new FormData(form));
  });
})();
