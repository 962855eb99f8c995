// 报到成效 charts (helpers in charts.js).
(function () {
  function draw() {
    var counties = document.getElementById('county-chart');
    if (counties) {
      var c = JSON.parse(counties.getAttribute('data-counties'));
      zgChart(counties, {
        title: { text: '按县区', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, legend: { top: 24 },
        grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: c.map(function (x) { return x.name; }) },
        yAxis: [{ type: 'value', name: '人 / 人次' }, { type: 'value', name: '万元' }],
        series: [{ type: 'bar', name: '报到党员', data: c.map(function (x) { return x.members; }) },
          { type: 'bar', name: '走访老人', data: c.map(function (x) { return x.elderly; }) },
          { type: 'line', name: '争取资金（万元）', yAxisIndex: 1, data: c.map(function (x) { return x.funds; }) }]
      });
    }
    var months = document.getElementById('month-chart');
    if (months) {
      var m = JSON.parse(months.getAttribute('data-months'));
      zgChart(months, {
        title: { text: '按月', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, legend: { top: 24 },
        grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: m.map(function (x) { return x.label; }) },
        yAxis: [{ type: 'value', name: '人次' }, { type: 'value', name: '万元' }],
        series: [{ type: 'bar', name: '走访老人', data: m.map(function (x) { return x.elderly; }) },
          { type: 'line', name: '争取资金（万元）', yAxisIndex: 1, data: m.map(function (x) { return x.funds; }) }]
      });
    }
  }
  zgWhenReady(draw);
})();
