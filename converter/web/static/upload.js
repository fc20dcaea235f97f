/* The upload box of `jatsconv serve`: files dropped on it (a folder's files too, where the
   browser gives them) are taken as if chosen with its file input, which stays the control for
   keyboards and screen readers. Whether chosen or dropped, files the app would refuse are said
   at once in the app's own words (the form carries its limits and words); those left out are
   named to the app with the upload, which says them again with what the upload has to say.
   The page's Content-Security-Policy allows this script alone, by the hash of its text. */
(function () {
  "use strict";
  var form = document.getElementById("upload");
  var input = form && form.querySelector("input[type=file]");
  if (!input || typeof DataTransfer !== "function") {
    return; // (the file input alone still takes chosen files, and files dropped on it)
  }
  var box = form.querySelector(".drop");
  var status = document.getElementById("upload-said");
  var rules = JSON.parse(form.getAttribute("data-box"));
  var depth = 0; // dragenter minus dragleave over the page: 0 when the files left it

  function words(template, fill) {
    var text = template;
    Object.keys(fill).forEach(function (key) {
      text = text.split("{" + key + "}").join(fill[key]);
    });
    return text;
  }

  function carriesFiles(event) {
    var types = event.dataTransfer ? event.dataTransfer.types : null;
    return !!types && Array.prototype.indexOf.call(types, "Files") !== -1;
  }

  function feedback(over) {
    box.classList.toggle("armed", over !== null);
    box.classList.toggle("over", over === true);
  }

  // Feedback while files are dragged: the box is marked while they are over the page, and
  // says "release" while they are over it; a drop beside it does not open the file instead
  // of the page.
  document.addEventListener("dragenter", function (event) {
    if (!carriesFiles(event)) { return; }
    event.preventDefault();
    depth += 1;
    feedback(box.contains(event.target));
  });
  document.addEventListener("dragover", function (event) {
    if (!carriesFiles(event)) { return; }
    event.preventDefault();
    var over = box.contains(event.target);
    event.dataTransfer.dropEffect = over ? "copy" : "none";
    feedback(over);
  });
  document.addEventListener("dragleave", function (event) {
    if (!carriesFiles(event)) { return; }
    depth = Math.max(0, depth - 1);
    if (depth === 0) { feedback(null); }
  });
  document.addEventListener("drop", function (event) {
    if (!carriesFiles(event)) { return; }
    event.preventDefault();
    depth = 0;
    feedback(null);
    if (box.contains(event.target)) {
      gather(event.dataTransfer).then(take);
    }
  });
  input.addEventListener("change", function () {
    take({ files: Array.prototype.slice.call(input.files), leftOut: [] });
  });

  // The files of a drop: a dropped folder's files (its subfolders' too), hidden ones (.DS_Store,
  // .git) left out and said. The items can only be read while the drop event lasts.
  function gather(transfer) {
    var items = Array.prototype.slice.call(transfer.items || []);
    var entries = items.map(function (item) {
      return item.kind === "file" && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
    });
    var found = { files: [], leftOut: [] };
    if (!entries.some(function (entry) { return entry && entry.isDirectory; })) {
      found.files = Array.prototype.slice.call(transfer.files);
      return Promise.resolve(found);
    }
    var reading = items.map(function (item, index) {
      var entry = entries[index];
      if (entry && entry.isDirectory) { return folder(entry, found); }
      var file = item.getAsFile();
      if (file) { found.files.push(file); }
      return Promise.resolve();
    });
    return Promise.all(reading).then(function () { return found; });
  }

  function folder(entry, found) {
    var reader = entry.createReader();
    var listed = [];
    return new Promise(function (resolve) {
      (function more() { // (a folder is listed in batches, until an empty one)
        reader.readEntries(function (batch) {
          if (!batch.length) { resolve(); return; }
          listed = listed.concat(Array.prototype.slice.call(batch));
          more();
        }, function () {
          found.leftOut.push({ why: "unread", name: shown(entry) });
          resolve();
        });
      })();
    }).then(function () {
      return Promise.all(listed.map(function (child) {
        if (child.name.charAt(0) === ".") {
          found.leftOut.push({ why: "hidden", name: shown(child) });
          return null;
        }
        if (child.isDirectory) { return folder(child, found); }
        return new Promise(function (resolve) {
          child.file(function (file) {
            found.files.push(file);
            resolve();
          }, function () {
            found.leftOut.push({ why: "unread", name: shown(child) });
            resolve();
          });
        });
      }));
    });
  }

  function shown(entry) {
    return (entry.fullPath || entry.name).replace(/^\//, "");
  }

  // Take files as the input's choice: those over the size limit left out, the others checked
  // against the upload's limits; the box says what it took and what the app would refuse.
  function take(found) {
    var send = [];
    var leftOut = found.leftOut.slice();
    found.files.forEach(function (file) {
      if (file.size > rules.maxFileBytes) {
        leftOut.push({ why: "too-big", name: file.name });
      } else {
        send.push(file);
      }
    });
    var chosen = new DataTransfer();
    send.forEach(function (file) { chosen.items.add(file); });
    input.files = chosen.files;

    Array.prototype.slice.call(form.querySelectorAll("input[name=left_out]")).forEach(
      function (old) { old.remove(); }
    );
    var lines = leftOut.map(function (item) {
      var carried = document.createElement("input");
      carried.type = "hidden";
      carried.name = "left_out";
      carried.value = item.why + ":" + item.name;
      form.appendChild(carried);
      return words(rules.said[item.why], { name: item.name });
    });
    var total = send.reduce(function (sum, file) { return sum + file.size; }, 0);
    if (send.length > rules.maxFiles) {
      lines.push(words(rules.said["too-many"], { count: String(send.length) }));
    } else if (total > rules.maxTotalBytes) {
      lines.push(rules.said["too-large"]);
    }
    say(send, lines);
  }

  function say(send, lines) {
    status.textContent = "";
    var summary = document.createElement("p");
    if (send.length) {
      var names = send.slice(0, 10).map(function (file) { return file.name; }).join(", ");
      var more = send.length > 10 ? " and " + (send.length - 10) + " more" : "";
      summary.textContent = (send.length === 1 ? "1 file" : send.length + " files") +
        " chosen: " + names + more + " (Upload sends " + (send.length === 1 ? "it" : "them") +
        ").";
    } else {
      summary.textContent = "No file chosen to upload.";
    }
    status.appendChild(summary);
    if (lines.length) {
      var list = document.createElement("ul");
      list.className = "refused";
      lines.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      status.appendChild(list);
    }
  }
})();
