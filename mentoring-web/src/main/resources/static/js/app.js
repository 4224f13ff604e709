// Mentoring: the few behaviours the pages need. No inline scripts (the Content-Security-Policy forbids them).
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function parse(element, name) {
    try {
      return JSON.parse(element.getAttribute(name) || '[]');
    } catch (e) {
      return [];
    }
  }

  // every htmx request carries the CSRF token of the page
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  // instants shown in the viewer's own time zone
  function localTimes(root) {
    root.querySelectorAll('time.local-time[datetime]').forEach(function (time) {
      var date = new Date(time.getAttribute('datetime'));
      if (!isNaN(date.getTime())) {
        time.textContent = date.toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
        time.title = time.getAttribute('datetime');
      }
    });
  }

  // a search box that narrows a list (the mentor directory)
  function listFilters(root) {
    root.querySelectorAll('input.list-filter').forEach(function (input) {
      var list = document.getElementById(input.dataset.target);
      input.addEventListener('input', function () {
        var words = input.value.trim().toLowerCase();
        list.querySelectorAll(':scope > li').forEach(function (item) {
          item.hidden = words !== '' && item.textContent.toLowerCase().indexOf(words) < 0;
        });
      });
    });
  }

  // a search box over the taxonomy tree: matching domains stay, with their branches opened
  function treeFilters(root) {
    root.querySelectorAll('input.tree-filter').forEach(function (input) {
      var tree = document.getElementById(input.dataset.target);
      input.addEventListener('input', function () {
        var words = input.value.trim().toLowerCase();
        var nodes = Array.prototype.slice.call(tree.querySelectorAll('.tree-node'));
        nodes.reverse().forEach(function (node) {
          var label = node.querySelector('.tree-label span').textContent.toLowerCase();
          var more = node.querySelector(':scope > details.tree-more');
          var childShown = more !== null && Array.prototype.some.call(
            more.querySelectorAll(':scope > .tree-children > .tree-node'), function (child) { return !child.hidden; });
          var match = words === '' || label.indexOf(words) >= 0;
          node.hidden = !(match || childShown);
          if (more !== null) {
            more.open = words !== '' && childShown;
          }
        });
      });
    });
  }

  // the ranked list of chosen domains follows the tree's checkboxes; up and down buttons reorder it
  function domainRanking(root) {
    var ranking = root.querySelector('#domain-ranking');
    if (!ranking) {
      return;
    }
    function button(text, label, move) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary outline small';
      b.textContent = text;
      b.setAttribute('aria-label', label);
      b.addEventListener('click', move);
      return b;
    }
    function decorate(item) {
      var name = item.querySelector('span').textContent;
      item.appendChild(button('↑', 'Move ' + name + ' up', function () {
        if (item.previousElementSibling) {
          ranking.insertBefore(item, item.previousElementSibling);
        }
      }));
      item.appendChild(button('↓', 'Move ' + name + ' down', function () {
        if (item.nextElementSibling) {
          ranking.insertBefore(item.nextElementSibling, item);
        }
      }));
    }
    ranking.querySelectorAll('li').forEach(decorate);
    root.querySelectorAll('#domain-tree input[type=checkbox]').forEach(function (box) {
      box.addEventListener('change', function () {
        var existing = ranking.querySelector('li[data-code="' + CSS.escape(box.value) + '"]');
        if (box.checked && !existing) {
          var item = document.createElement('li');
          item.dataset.code = box.value;
          var hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = 'domains';
          hidden.value = box.value;
          var span = document.createElement('span');
          span.textContent = box.dataset.name;
          item.appendChild(hidden);
          item.appendChild(span);
          decorate(item);
          ranking.appendChild(item);
        } else if (!box.checked && existing) {
          existing.remove();
        }
      });
    });
  }

  // the preferred mentors in the order they were picked: a tick adds the mentor at the end of the ranking, an untick
  // removes them, and up and down buttons reorder; the ranking's hidden inputs post the order
  function mentorRanking(root) {
    var ranking = root.querySelector('#mentor-ranking');
    if (!ranking) {
      return;
    }
    function button(text, label, move) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'secondary outline small';
      b.textContent = text;
      b.setAttribute('aria-label', label);
      b.addEventListener('click', move);
      return b;
    }
    function decorate(item) {
      var name = item.querySelector('span').textContent;
      item.appendChild(button('↑', 'Move ' + name + ' up', function () {
        if (item.previousElementSibling) {
          ranking.insertBefore(item, item.previousElementSibling);
        }
      }));
      item.appendChild(button('↓', 'Move ' + name + ' down', function () {
        if (item.nextElementSibling) {
          ranking.insertBefore(item.nextElementSibling, item);
        }
      }));
    }
    ranking.querySelectorAll('li').forEach(decorate);
    root.querySelectorAll('input.rank-pick').forEach(function (box) {
      box.addEventListener('change', function () {
        var existing = ranking.querySelector('li[data-code="' + CSS.escape(box.value) + '"]');
        if (box.checked && !existing) {
          var item = document.createElement('li');
          item.dataset.code = box.value;
          var hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = 'preferredOrder';
          hidden.value = box.value;
          var span = document.createElement('span');
          span.textContent = box.dataset.name;
          item.appendChild(hidden);
          item.appendChild(span);
          decorate(item);
          ranking.appendChild(item);
        } else if (!box.checked && existing) {
          existing.remove();
        }
      });
    });
  }

  // a search box that narrows the options of a select (countries, time zones) and chooses the first that matches
  // unless the chosen one still does
  function selectFilters(root) {
    root.querySelectorAll('input.select-filter').forEach(function (input) {
      var select = document.getElementById(input.dataset.target);
      input.addEventListener('input', function () {
        var words = input.value.trim().toLowerCase();
        var first = null;
        Array.prototype.forEach.call(select.options, function (option) {
          var match = words === '' || option.value === '' || option.textContent.toLowerCase().indexOf(words) >= 0;
          option.hidden = !match;
          if (match && option.value !== '' && !first) {
            first = option;
          }
        });
        var chosen = select.selectedOptions[0];
        if (first && words !== '' && (!chosen || chosen.value === '' || chosen.hidden)) {
          select.value = first.value;
          select.dispatchEvent(new Event('change', {bubbles: true}));
        }
      });
    });
  }

  // the summary of a form's errors, or a warning to confirm, takes focus so that a screen reader reads it
  function focusSummary(root) {
    var summary = root.querySelector('#error-summary, #break-warning');
    if (summary) {
      summary.focus();
    }
  }

  // weekly slot rows: add one, remove one
  function slotRows(root) {
    root.querySelectorAll('fieldset.slots').forEach(function (fieldset) {
      var list = fieldset.querySelector('.slot-rows');
      var counter = list.children.length;
      function wire(row) {
        row.querySelector('.remove-slot').addEventListener('click', function () {
          var next = row.nextElementSibling || row.previousElementSibling;
          if (list.children.length > 1) {
            row.remove();
          } else {
            row.querySelectorAll('input').forEach(function (input) { input.value = ''; });
          }
          var focus = next ? next.querySelector('select') : fieldset.querySelector('.add-slot');
          (focus || fieldset.querySelector('.add-slot')).focus();
        });
      }
      Array.prototype.forEach.call(list.children, wire);
      fieldset.querySelector('.add-slot').addEventListener('click', function () {
        var copy = list.lastElementChild.cloneNode(true);
        counter++;
        copy.querySelectorAll('[id]').forEach(function (element) {
          element.id = element.id.replace(/-\d+$/, '-' + counter);
        });
        copy.querySelectorAll('label[for]').forEach(function (label) {
          label.htmlFor = label.htmlFor.replace(/-\d+$/, '-' + counter);
        });
        copy.querySelectorAll('input').forEach(function (input) { input.value = ''; });
        list.appendChild(copy);
        wire(copy);
        copy.querySelector('select').focus();
      });
    });
  }

  // weight sliders show their value; one button puts back the defaults
  function weightSliders(root) {
    root.querySelectorAll('input.weight-slider').forEach(function (slider) {
      var output = document.getElementById(slider.id + '-value');
      slider.addEventListener('input', function () { output.textContent = slider.value; });
    });
    var reset = root.querySelector('#reset-weights');
    if (reset) {
      reset.addEventListener('click', function () {
        root.querySelectorAll('input.weight-slider').forEach(function (slider) {
          slider.value = slider.dataset.default;
          document.getElementById(slider.id + '-value').textContent = slider.value;
        });
      });
    }
  }

  // a filter box and sortable column headings over a rendered table
  function tables(root) {
    root.querySelectorAll('input.table-filter').forEach(function (input) {
      var table = document.getElementById(input.dataset.target);
      input.addEventListener('input', function () {
        var words = input.value.trim().toLowerCase();
        table.tBodies[0].querySelectorAll('tr').forEach(function (row) {
          row.hidden = words !== '' && row.textContent.toLowerCase().indexOf(words) < 0;
        });
      });
    });
    root.querySelectorAll('table.sortable').forEach(function (table) {
      table.querySelectorAll('thead button.sort').forEach(function (button) {
        var th = button.closest('th');
        var column = Array.prototype.indexOf.call(th.parentNode.children, th);
        button.addEventListener('click', function () {
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('thead th').forEach(function (other) { other.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var numeric = button.dataset.type === 'number';
          rows.sort(function (a, b) {
            var x = a.cells[column].textContent.trim();
            var y = b.cells[column].textContent.trim();
            var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  var charts = {};

  function chart(canvas, config) {
    if (typeof Chart === 'undefined') {
      return;
    }
    // someone who asked their system for less motion gets the chart drawn at once, not grown over a second
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      config.options.animation = false;
    }
    // the canvas has no id: htmx would copy its old style attribute onto the new one, which the CSP refuses
    var key = canvas.dataset.chart;
    if (charts[key]) {
      charts[key].destroy();
    }
    charts[key] = new Chart(canvas, config);
  }

  function barCharts(root) {
    root.querySelectorAll('canvas.bar-chart').forEach(function (canvas) {
      chart(canvas, {
        type: 'bar',
        data: {
          labels: parse(canvas, 'data-labels'),
          datasets: [
            {label: 'Open requests', data: parse(canvas, 'data-demand'), backgroundColor: '#1f6feb'},
            {label: 'Free places', data: parse(canvas, 'data-places'), backgroundColor: '#b35900'}
          ]
        },
        options: {maintainAspectRatio: false, indexAxis: 'y', scales: {x: {beginAtZero: true}}}
      });
    });
  }

  function lineCharts(root) {
    root.querySelectorAll('canvas.line-chart').forEach(function (canvas) {
      var seconds = parse(canvas, 'data-seconds');
      function points(values) {
        return values.map(function (value, i) { return {x: seconds[i], y: value}; });
      }
      chart(canvas, {
        type: 'line',
        data: {
          datasets: [
            {label: 'Soft score', data: points(parse(canvas, 'data-soft')), borderColor: '#1f6feb',
              backgroundColor: '#1f6feb', yAxisID: 'y', stepped: true},
            {label: 'Requests placed', data: points(parse(canvas, 'data-matched')), borderColor: '#b35900',
              backgroundColor: '#b35900', yAxisID: 'y1', stepped: true}
          ]
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: {
            x: {type: 'linear', min: 0, title: {display: true, text: 'seconds'}},
            y: {position: 'left', title: {display: true, text: 'soft score'}},
            y1: {position: 'right', grid: {drawOnChartArea: false}, title: {display: true, text: 'placed'}}
          }
        }
      });
    });
  }

  function zoneDefault(root) {
    root.querySelectorAll('input.detect-zone').forEach(function (input) {
      if (!input.value && window.Intl) {
        input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
      }
    });
    // a zone picker with nothing saved starts at the browser's own zone
    root.querySelectorAll('select.detect-zone').forEach(function (select) {
      var zone = window.Intl ? Intl.DateTimeFormat().resolvedOptions().timeZone : '';
      if (!select.value && zone && select.querySelector('option[value="' + CSS.escape(zone) + '"]')) {
        select.value = zone;
      }
    });
  }

  function enhance(root) {
    localTimes(root);
    barCharts(root);
    lineCharts(root);
  }

  document.addEventListener('DOMContentLoaded', function () {
    listFilters(document);
    treeFilters(document);
    domainRanking(document);
    mentorRanking(document);
    selectFilters(document);
    slotRows(document);
    weightSliders(document);
    tables(document);
    zoneDefault(document);
    focusSummary(document);
    enhance(document);
  });

  // a polled fragment came in: its times and charts
  document.addEventListener('htmx:afterSwap', function (event) {
    enhance(event.detail.elt.isConnected ? event.detail.elt : document);
  });
})();
