// 聚力共富 figures: reads the figures API's JSON and draws the counties, fields and months (the CSP allows no inline
// script, so the page names the URL in data-url).
(function () {
  var host = document.getElementById('charts');
  if (!host || !window.echarts) { return; }
  var charts = [];
  function bars(id, rows, series) {
    var c = echarts.init(document.getElementById(id));
    charts.push(c);
    c.setOption({
      tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 10, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value' },
      series: series.map(function (s) {
        return { name: s[0], type: s[2] || 'bar', data: rows.map(function (r) { return r[s[1]]; }) };
      })
    });
  }
  fetch(host.getAttribute('data-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (f) {
      var s = [['借力需求', 'needs'], ['已对接需求', 'matchedNeeds'], ['开展对接', 'engagements'], ['完成对接', 'completed']];
      bars('chart-county', f.byCounty, s.concat([['给力人才', 'offers']]));
      bars('chart-field', f.byField, s.concat([['给力人才', 'offers']]));
      bars('chart-month', f.byMonth, s.map(function (x) { return [x[0], x[1], 'line']; }));
    });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
