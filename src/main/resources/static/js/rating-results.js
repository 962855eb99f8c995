// 评定结果 and 比一比 charts. Data comes from data- attributes (the CSP allows no inline scripts).
(function () {
  var COLOURS = ['#9e9e9e', '#c8e6c9', '#81c784', '#ffd54f', '#ff8f00', '#b3191c', '#6a1b9a', '#283593', '#00838f', '#4e342e', '#000000'];
  function init(el, option) {
    var chart = echarts.init(el);
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function draw() {
    if (!window.echarts) { return; }
    var stars = document.getElementById('stars-chart');
    if (stars) {
      var areas = JSON.parse(stars.getAttribute('data-areas'));
      var labels = JSON.parse(stars.getAttribute('data-labels'));
      init(stars, {
        tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true }, // axis names below the legend, even on a phone
        xAxis: { type: 'category', data: areas.map(function (a) { return a.name; }), axisLabel: { rotate: 30, fontSize: 10 } },
        yAxis: [{ type: 'value', name: '组织数' }, { type: 'value', name: '%', min: 0, max: 100 }],
        series: labels.map(function (l, i) {
          return { type: 'bar', stack: 'stars', name: l, itemStyle: { color: COLOURS[i % COLOURS.length] },
            data: areas.map(function (a) { return a.byStars[i] || 0; }) };
        }).concat([{ type: 'line', name: '三星以上占比', yAxisIndex: 1, itemStyle: { color: '#1565c0' },
          data: areas.map(function (a) { return a.share; }) }])
      });
    }
    var movement = document.getElementById('movement-chart');
    if (movement) {
      var m = JSON.parse(movement.getAttribute('data-movements'));
      init(movement, {
        tooltip: { trigger: 'item' }, legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: [
          { name: '升星', value: m.up, itemStyle: { color: '#2e7d32' } },
          { name: '降星', value: m.down, itemStyle: { color: '#c62828' } },
          { name: '持平', value: m.same, itemStyle: { color: '#9e9e9e' } },
          { name: '新参评', value: m.first, itemStyle: { color: '#1565c0' } }] }]
      });
    }
    var points = document.getElementById('points-chart');
    if (points) {
      var g = JSON.parse(points.getAttribute('data-group'));
      if (g) {
        init(points, {
          tooltip: { trigger: 'axis' }, grid: { left: 8, right: 40, top: 40, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: g.rows.map(function (o) { return o.name; }), axisLabel: { rotate: 40, fontSize: 10,
            formatter: function (v) { return v.length > 8 ? v.substring(0, 8) + '…' : v; } } },
          yAxis: { type: 'value', name: '总分' },
          series: [{ type: 'bar', name: '总分', itemStyle: { color: '#b3191c' }, data: g.rows.map(function (o) { return o.points; }),
            markLine: g.township ? { data: [{ yAxis: g.township.points, name: '乡镇平均' }] } : undefined }]
        });
      }
    }
    var dims = document.getElementById('dims-chart');
    if (dims) {
      var s = JSON.parse(dims.getAttribute('data-selected'));
      var d = JSON.parse(dims.getAttribute('data-dims'));
      if (s) {
        var series = [{ type: 'bar', name: s.org.name, data: s.org.dims, itemStyle: { color: '#b3191c' } }];
        if (s.township) { series.push({ type: 'bar', name: '乡镇平均', data: s.township.dims, itemStyle: { color: '#ff8f00' } }); }
        if (s.county) { series.push({ type: 'bar', name: '县平均', data: s.county.dims, itemStyle: { color: '#1565c0' } }); }
        init(dims, {
          tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' }, grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: d.map(function (x) { return x.name; }), axisLabel: { fontSize: 10 } },
          yAxis: { type: 'value', name: '得分' }, series: series
        });
      }
    }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
