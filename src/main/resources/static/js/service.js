// 走访记录 form: the charges offered follow the chosen visit kind (项目对接 → 项目, 走访企业 → 企业, 走访渔农户 → 村（社区）).
(function () {
  function init() {
    var form = document.getElementById('visit-form');
    if (!form) { return; }
    var select = document.getElementById('chargeId');
    function filter() {
      var checked = form.querySelector('input[name="kind"]:checked');
      var kind = checked ? checked.getAttribute('data-charge-kind') : null;
      Array.prototype.forEach.call(select.options, function (option) {
        var match = !kind || !option.value || option.getAttribute('data-kind') === kind;
        option.hidden = !match;
        option.disabled = !match;
      });
      var chosen = select.options[select.selectedIndex];
      if (chosen && chosen.disabled) { select.value = ''; }
      var offered = Array.prototype.filter.call(select.options, function (o) { return o.value && !o.disabled; });
      if (offered.length === 1 && !select.value) { select.value = offered[0].value; }
    }
    Array.prototype.forEach.call(form.querySelectorAll('input[name="kind"]'), function (radio) {
      radio.addEventListener('change', filter);
    });
    filter();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
