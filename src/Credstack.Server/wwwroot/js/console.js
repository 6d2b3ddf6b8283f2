// The issuer console's small enhancements; every page works without them.
// Live preview: text typed in a field marked data-preview="x" shows at once in the element marked data-preview-target="x".
(function () {
    'use strict';
    document.querySelectorAll('[data-preview]').forEach(function (field) {
        var target = document.querySelector('[data-preview-target="' + field.getAttribute('data-preview') + '"]');
        if (!target) {
            return;
        }
        field.addEventListener('input', function () {
            target.textContent = field.value.trim() || target.textContent;
        });
    });
}());
