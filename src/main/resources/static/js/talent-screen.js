// 人才工作一张屏: fetches the figures' JSON and draws the fields, districts, recognitions, services, grants,
// verifications and codes charts (the page carries the big numbers itself).
(function () {
  var text = { color: '#e8eefc' };
  var label = { color: '#c9d6f0' };
  var split = { lineStyle: { color: '#1f3a66' } };
  var colours = ['#3b82f6', '#3c9a5f', '#f5c518', '#e5484d', '#a78bfa', '#22d3ee', '#fb923c', '#94a3b8', '#f472b6'];
  var host = document.getElementById('screen');
  if (!host || !window.echarts) { return; }
  var charts = [];
  function chart(id) { var c = echarts.init(document.getElementById(id)); charts.push(c); return c; }
  function stacked(id, names, series, horizontal, left) {
    var axis = { type: 'category', data: names, inverse: !!horizontal,
      axisLabel: { color: label.color, interval: 0, rotate: horizontal ? 0 : 30 } };
    var value = { type: 'value', axisLabel: label, splitLine: split };
    chart(id).setOption({
      color: colours, tooltip: { trigger: 'axis' }, legend: { textStyle: text, top: 0, type: 'scroll' },
      grid: { left: horizontal ? (left || 120) : 50, right: horizontal ? 40 : 16, top: 30, bottom: horizontal ? 24 : 70 },
      xAxis: horizontal ? value : axis, yAxis: horizontal ? axis : value,
      series: series
    });
  }
  fetch(host.getAttribute('data-url'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (f) {
      var t = f.talents;
      stacked('chart-fields', t.byField.map(function (r) { return (r.key ? '★ ' : '') + r.name; }),
        t.levels.map(function (l, i) {
          return { name: l, type: 'bar', stack: 'l', data: t.byField.map(function (r) { return r.byLevel[i]; }) };
        }), true, 130);
      stacked('chart-districts', t.byDistrict.map(function (d) { return d.name; }), [
        { name: '人才', type: 'bar', data: t.byDistrict.map(function (d) { return d.talents; }) },
        { name: '其中认定人才', type: 'bar', data: t.byDistrict.map(function (d) { return d.recognised; }) }], false);
      var r = f.recognitions;
      stacked('chart-recognitions', r.byRoute.map(function (x) { return x.name; }),
        r.statuses.map(function (s, i) {
          return { name: s, type: 'bar', stack: 's', data: r.byRoute.map(function (x) { return x.byStatus[i]; }) };
        }), true, 80);
      // the twelve items with the most applications (the catalogue has some eighty)
      var items = f.services.byItem.slice().sort(function (a, b) { return b.applications - a.applications; }).slice(0, 12);
      chart('chart-services').setOption({
        color: colours, tooltip: { trigger: 'axis' }, legend: { textStyle: text, top: 0 },
        grid: { left: 150, right: 16, top: 30, bottom: 40 },
        yAxis: { type: 'category', inverse: true, data: items.map(function (l) { return l.name.length > 11 ? l.name.substring(0, 11) + '…' : l.name; }),
          axisLabel: { color: label.color, interval: 0 } },
        xAxis: [{ type: 'value', axisLabel: label, splitLine: split },
                { type: 'value', max: 100, position: 'top', show: false }],
        series: [
          { name: '申请', type: 'bar', data: items.map(function (l) { return l.applications; }) },
          { name: '办结', type: 'bar', data: items.map(function (l) { return l.finished; }) },
          { name: '材料缩减 %', type: 'scatter', xAxisIndex: 1, symbolSize: 9,
            data: items.map(function (l) { return l.needed ? Math.round(l.reused * 1000 / l.needed) / 10 : 0; }) }]
      });
      var g = f.grants.byRule;
      stacked('chart-grants', g.map(function (x) { return x.name; }), [
        { name: '已发放', type: 'bar', stack: 'a', data: g.map(function (x) { return x.paid; }) },
        { name: '已核准待发放', type: 'bar', stack: 'a', data: g.map(function (x) { return Math.max(0, x.granted - x.paid); }) },
        { name: '待审核', type: 'bar', stack: 'a', data: g.map(function (x) { return x.pending; }) }], true, 100);
      var c = f.codes;
      chart('chart-verifications').setOption({
        color: colours, tooltip: { trigger: 'axis' }, legend: { textStyle: text, top: 0, type: 'scroll' },
        grid: { left: 50, right: 16, top: 30, bottom: 50 },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 14, bottom: 8, textStyle: label }],
        xAxis: { type: 'category', data: c.perDay.map(function (d) { return d.day; }), axisLabel: label },
        yAxis: { type: 'value', axisLabel: label, splitLine: split },
        series: c.verificationsByOutcome.map(function (o, i) {
          return { name: o.name, type: 'bar', stack: 'v', barMaxWidth: 28, data: c.perDay.map(function (d) { return d.byOutcome[i]; }) };
        }).filter(function (s, i) { return c.verificationsByOutcome[i].count > 0; })
      });
      chart('chart-codes').setOption({
        color: colours, tooltip: { trigger: 'item' }, legend: { textStyle: text, bottom: 0 },
        series: [{ type: 'pie', radius: ['40%', '68%'], label: { color: text.color, formatter: '{b}\n{c}' },
          data: [{ name: '有效', value: c.valid }, { name: '已过期', value: c.expired },
                 { name: '已撤销', value: c.revoked }, { name: '已重新签发', value: c.superseded }] }]
      });
    });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
