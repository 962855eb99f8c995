// 流动党员 figures charts (helpers in charts.js).
(function () {
  function draw() {
    var counties = document.getElementById('county-chart');
    if (counties) {
      var c = JSON.parse(counties.getAttribute('data-counties'));
      zgChart(counties, {
        title: { text: '按县区', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' }, legend: { top: 24 },
        grid: { left: 8, right: 8, top: 60, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: c.map(function (x) { return x.name; }), axisLabel: { rotate: 30, fontSize: 10 } },
        yAxis: { type: 'value', name: '人' },
        series: [
          { type: 'bar', stack: 'm', name: '已纳管', itemStyle: { color: '#2e7d32' }, data: c.map(function (x) { return x.managed; }) },
          { type: 'bar', stack: 'm', name: '未纳管', itemStyle: { color: '#ff8f00' }, data: c.map(function (x) { return x.unmanaged; }) },
          { type: 'line', name: '联系逾期', itemStyle: { color: '#c62828' }, data: c.map(function (x) { return x.overdue; }) }]
      });
    }
    var kinds = document.getElementById('kind-chart');
    if (kinds) {
      var k = JSON.parse(kinds.getAttribute('data-kinds'));
      zgChart(kinds, {
        title: { text: '三个一批', textStyle: { fontSize: 13 } }, tooltip: { trigger: 'item' }, legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: k }]
      });
    }
  }
  zgWhenReady(draw);
})();
