/* The edit form of `jatsconv serve`: "Add author" (and each list's Add button) adds a blank
   entry in the page at once, a copy of the list's blank entry renumbered, so that several new
   entries are filled in and saved in one save. Without this script the button posts the form,
   which keeps what was typed and comes back with one more blank entry (nothing is saved).
   The page's Content-Security-Policy allows this script alone, by the hash of its text. */
(function () {
  "use strict";
  function renumber(text, list, label, from, to) {
    // names and ids (authors.2.orcid, authors.2-field) and words (Author 3)
    return text
      .split(list + "." + from + ".").join(list + "." + to + ".")
      .split(list + "." + from + "-").join(list + "." + to + "-")
      .split(label + " " + (from + 1)).join(label + " " + (to + 1));
  }

  function copy(node, list, label, from, to) {
    Array.prototype.forEach.call(node.attributes, function (attr) {
      node.setAttribute(attr.name, renumber(attr.value, list, label, from, to));
    });
    Array.prototype.forEach.call(node.childNodes, function (child) {
      if (child.nodeType === 3) {
        child.nodeValue = renumber(child.nodeValue, list, label, from, to);
      } else if (child.nodeType === 1) {
        copy(child, list, label, from, to);
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("section.list[data-list]"), function (section) {
    var button = section.querySelector(":scope > button.add");
    var shown = section.querySelector(":scope > input[type=hidden]");
    var list = section.getAttribute("data-list");
    var label = section.getAttribute("data-label");
    if (!button || !shown) {
      return;
    }
    button.addEventListener("click", function (event) {
      var blanks = section.querySelectorAll(":scope > details.item.new");
      if (!blanks.length) {
        return; // (the post adds one)
      }
      event.preventDefault();
      var last = blanks[blanks.length - 1];
      var count = parseInt(shown.value, 10);
      var entry = last.cloneNode(true);
      copy(entry, list, label, count - 1, count);
      Array.prototype.forEach.call(entry.querySelectorAll("input, textarea, select"), function (box) {
        if (box.type === "checkbox" || box.type === "radio") {
          box.checked = false;
        } else if (box.tagName === "SELECT") {
          box.selectedIndex = 0;
        } else {
          box.value = "";
        }
        box.removeAttribute("aria-invalid");
        box.removeAttribute("aria-describedby");
      });
      Array.prototype.forEach.call(entry.querySelectorAll("ul.errors"), function (list) {
        list.remove();
      });
      entry.removeAttribute("id");
      entry.open = true;
      last.after(entry);
      shown.value = String(count + 1);
      var first = entry.querySelector("input:not([type=hidden]), textarea, select");
      if (first) {
        first.focus();
      }
    });
  });
})();
