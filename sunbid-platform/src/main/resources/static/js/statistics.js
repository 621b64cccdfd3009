// The statistics page's charts (ECharts from the WebJar). They draw from the same JSON as the API; the tables beside
// them stay the page's content (and what the CSV holds). A region's bar leads one step down the tree, as its link does.
(function () {
  'use strict';
  var source = document.getElementById('statistics-data');
  if (!source || !window.echarts) {
    return;
  }
  var data = JSON.parse(source.textContent);
  var charts = [];
  var primary = '#b3261e';
  var palette = [primary, '#1f5fa8', '#e0a100', '#2e7d32', '#6a4c93', '#00838f', '#8d6e63'];
  function num(s) { return s == null ? 0 : Number(s); }
  function wan(s) { return Math.round(num(s) / 100) / 100; }
  function draw(id, option) {
    var dom = document.getElementById(id);
    if (!dom) {
      return null;
    }
    var chart = echarts.init(dom, null, { renderer: 'canvas' });
    option.color = palette;
    option.animation = false;
    chart.setOption(option);
    charts.push(chart);
    return chart;
  }
  function bars(id, rows, horizontal) {
    var dom = document.getElementById(id);
    if (!dom || rows.length === 0) {
      return null;
    }
    var names = rows.map(function (r) { return r.name; });
    var category = { type: 'category', data: names, axisLabel: { interval: 0, hideOverlap: true } };
    var value = [{ type: 'value', name: dom.dataset.value }, { type: 'value', name: dom.dataset.deals, minInterval: 1 }];
    return draw(id, {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
      xAxis: horizontal ? value.map(function (v, i) { return Object.assign({ position: i ? 'top' : 'bottom' }, v); }) : category,
      yAxis: horizontal ? category : value,
      series: [
        { name: dom.dataset.value, type: 'bar', data: rows.map(function (r) { return wan(r.value); }) },
        { name: dom.dataset.deals, type: 'bar', data: rows.map(function (r) { return r.deals; }),
          xAxisIndex: horizontal ? 1 : 0, yAxisIndex: horizontal ? 0 : 1 }
      ]
    });
  }
  bars('chart-kind', data.byKind, false);
  var region = bars('chart-region', data.byRegion, false);
  if (region) {
    var links = {};
    document.querySelectorAll('#table-region a.drill').forEach(function (a) { links[a.dataset.key] = a.href; });
    region.on('click', function (e) {
      var row = data.byRegion[e.dataIndex];
      if (row && links[row.key]) {
        window.location.href = links[row.key];
      }
    });
  }
  var month = document.getElementById('chart-month');
  if (month && data.byMonth.length) {
    draw('chart-month', {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: data.byMonth.map(function (r) { return r.name; }) },
      yAxis: [{ type: 'value', name: month.dataset.value }, { type: 'value', name: month.dataset.lots, minInterval: 1 }],
      series: [
        { name: month.dataset.value, type: 'bar', data: data.byMonth.map(function (r) { return wan(r.value); }) },
        { name: month.dataset.lots, type: 'line', yAxisIndex: 1, data: data.byMonth.map(function (r) { return r.lots; }) },
        { name: month.dataset.deals, type: 'line', yAxisIndex: 1, data: data.byMonth.map(function (r) { return r.deals; }) }
      ]
    });
  }
  bars('chart-procedure', data.byProcedure, true);
  if (data.failures.length) {
    draw('chart-failures', {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b}: {c}' },
        data: data.failures.map(function (f) { return { name: f.name, value: f.count }; }) }]
    });
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.dataset.chartsDrawn = String(charts.length);
}());
