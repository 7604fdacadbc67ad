"""Plant one-line bugs, one at a time, in a copy of the project and report which the
tests miss (issue 18's mutation habit).

Each entry below is a bug a class would *see* — a swapped column, a wrong scale, the
wrong mask row — with the fast tests that are meant to catch it. The copy is made once
in a temporary folder (the checkout is never touched); each bug is planted, its tests
run with the copy's `regviz` first on the path, and the line is put back.

    .venv/bin/python tools/mutation_smoke.py            # every entry
    .venv/bin/python tools/mutation_smoke.py -k csv     # entries whose name has "csv"
    .venv/bin/python tools/mutation_smoke.py --list

Run it before resolving work that touches a number shown to the class; add an entry
for each bug class a new test is meant to catch. Exit status 1 if any bug survives
(or if a test fails before any bug is planted: then nothing can be concluded).
`mutmut` is the general tool; this list is short and aimed, so a run takes minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str          # relative to the project root
    original: str      # must occur exactly once in the file
    mutated: str
    tests: tuple[str, ...]  # pytest node ids that should fail with the bug


MUTATIONS: tuple[Mutation, ...] = (
    Mutation(
        "status bar: train and test swapped",
        "regviz/gui/windows/main_window.py",
        ".format(train=train, test=test, gap=train - test)",
        ".format(train=test, test=train, gap=test - train)",
        ("tests/test_numbers_shown.py::test_the_status_bar_shows_train_and_test_accuracy_of_the_drawn_weights",),
    ),
    Mutation(
        "mini-batch: batch size ignored by the experiment",
        "regviz/experiment.py",
        "batch_size=c.batch_size or None, seed=c.seed,",
        "batch_size=None, seed=c.seed,",
        ("tests/test_mini_batch_penalty.py::test_a_mini_batch_step_with_a_penalty_is_the_numpy_step",
         "tests/test_window_mini_batches.py::test_a_window_with_a_batch_size_trains_in_mini_batches"),
    ),
    Mutation(
        "mini-batch: every step full batch",
        "regviz/core/trainer.py",
        "full_batch = self.batch_size is None or self.batch_size >= len(self.y_train)",
        "full_batch = True",
        ("tests/test_mini_batch_penalty.py::test_a_mini_batch_step_with_a_penalty_is_the_numpy_step",),
    ),
    Mutation(
        "mini-batch: penalty scaled by the batch's m, not the data's N",
        "regviz/core/trainer.py",
        "self._update_coefficients(lr, penalty_scale)",
        "self._update_coefficients(lr, self._resolved.scale(m))",
        ("tests/test_mini_batch_penalty.py::test_a_mini_batch_step_with_a_penalty_is_the_numpy_step",),
    ),
    Mutation(
        "mini-batch: the short last batch averaged over the full batch size",
        "regviz/core/trainer.py",
        "(lr if lr_in_gradient else 1.0) / m)",
        "(lr if lr_in_gradient else 1.0) / (self.batch_size or m))",
        ("tests/test_mini_batch_penalty.py::test_a_mini_batch_step_with_a_penalty_is_the_numpy_step",),
    ),
    Mutation(
        "window: a new batch size does not restart training",
        "regviz/experiment.py",
        "        if config.needs_reset(old):",
        "        if config.needs_reset(old) and config.changed_fields(old) != ['batch_size']:",
        ("tests/test_window_mini_batches.py::test_a_window_with_a_batch_size_trains_in_mini_batches",),
    ),
    Mutation(
        "diagram: the selected point's mask read by its index, not its batch row",
        "regviz/gui/views/network_diagram_view.py",
        "rows = np.flatnonzero(snapshot.mask_rows == sample)",
        "rows = np.flatnonzero(np.arange(len(snapshot.mask_rows)) == sample)",
        ("tests/test_mask_row_order.py::test_shuffled_masks_reach_the_raster_and_the_selected_points_units",),
    ),
    Mutation(
        "snapshot: the batch's row order dropped",
        "regviz/snapshot.py",
        "rows = last.batch_indices if last else None",
        "rows = None",
        ("tests/test_mask_row_order.py::test_shuffled_masks_reach_the_raster_and_the_selected_points_units",),
    ),
    Mutation(
        "raster: columns sorted by point instead of batch row",
        "regviz/gui/views/network_diagram_view.py",
        "raster = np.concatenate([m[:MAX_RASTER_SAMPLES].T for m in masks], axis=0)",
        "raster = np.concatenate([m[np.argsort(snapshot.mask_rows)][:MAX_RASTER_SAMPLES].T "
        "for m in masks], axis=0)",
        ("tests/test_mask_row_order.py::test_shuffled_masks_reach_the_raster_and_the_selected_points_units",),
    ),
    Mutation(
        "live change: marker one step late",
        "regviz/experiment.py",
        "self.events.append(ChangeEvent(self.step_count, name, getattr(config, name),",
        "self.events.append(ChangeEvent(self.step_count + 1, name, getattr(config, name),",
        ("tests/test_live_change_replay.py::test_a_live_change_replays_bit_for_bit_from_its_marker",),
    ),
    Mutation(
        "live change: new λ / keep_prob not passed to the trainer",
        "regviz/experiment.py",
        "self.trainer.regularization = config.regularization()",
        "self.trainer.regularization = old.regularization()",
        ("tests/test_live_change_replay.py::test_a_live_change_replays_bit_for_bit_from_its_marker",),
    ),
    Mutation(
        "live change: new learning rate not passed to the trainer",
        "regviz/experiment.py",
        "self.trainer.learning_rate = config.learning_rate",
        "self.trainer.learning_rate = old.learning_rate",
        ("tests/test_live_change_replay.py::test_a_live_change_replays_bit_for_bit_from_its_marker",),
    ),
    Mutation(
        'compare table: train and test columns swapped',
        'regviz/gui/windows/compare_window.py',
        '            train, test = run_accuracies(snapshot)',
        '            test, train = run_accuracies(snapshot)',
        ('tests/test_numbers_shown_compare.py::test_the_table_shows_each_runs_own_accuracies',),
    ),
    Mutation(
        'compare table: rows in reverse order',
        'regviz/gui/windows/compare_window.py',
        '        for row, snapshot in enumerate(snapshots):',
        '        for row, snapshot in enumerate(snapshots[::-1]):',
        ('tests/test_numbers_shown_compare.py::test_the_table_shows_each_runs_own_accuracies',),
    ),
    Mutation(
        'compare table: test accuracy from misaligned predictions',
        'regviz/gui/windows/compare_window.py',
        '            float(np.mean(snapshot.test_predictions == d.y_test)))',
        '            float(np.mean(snapshot.test_predictions[::-1] == d.y_test)))',
        ('tests/test_numbers_shown_compare.py::test_the_table_shows_each_runs_own_accuracies',),
    ),
    Mutation(
        'sweep: best λ ignores the test-loss tie-break',
        'regviz/sweep.py',
        'key=lambda p: (p.test_error, p.test_loss, p.value))',
        'key=lambda p: (p.test_error, p.value))',
        ('tests/test_numbers_shown_sweep.py::test_the_sweep_shows_each_lambdas_errors_and_the_best_by_its_rule',),
    ),
    Mutation(
        'sweep: best λ by train error',
        'regviz/sweep.py',
        'key=lambda p: (p.test_error, p.test_loss, p.value))',
        'key=lambda p: (p.train_error, p.test_loss, p.value))',
        ('tests/test_numbers_shown_sweep.py::test_the_sweep_shows_each_lambdas_errors_and_the_best_by_its_rule',),
    ),
    Mutation(
        'sweep: best λ by test loss first',
        'regviz/sweep.py',
        'key=lambda p: (p.test_error, p.test_loss, p.value))',
        'key=lambda p: (p.test_loss, p.test_error, p.value))',
        ('tests/test_numbers_shown_sweep.py::test_the_sweep_shows_each_lambdas_errors_and_the_best_by_its_rule',),
    ),
    Mutation(
        'sweep: test loss read from the train data loss',
        'regviz/sweep.py',
        '        test_loss=report["test"]["loss"],',
        '        test_loss=report["train"]["data_loss"],',
        ('tests/test_numbers_shown_sweep.py::test_the_sweep_shows_each_lambdas_errors_and_the_best_by_its_rule',),
    ),
    Mutation(
        'sweep: train error from the test accuracy',
        'regviz/sweep.py',
        '        train_error=1.0 - report["train"]["accuracy"],',
        '        train_error=1.0 - report["test"]["accuracy"],',
        ('tests/test_numbers_shown_sweep.py::test_the_sweep_shows_each_lambdas_errors_and_the_best_by_its_rule',),
    ),
    Mutation(
        'sweep: best marker one λ off',
        'regviz/gui/windows/sweep_window.py',
        '            self.plot.mark_best(self._index_of(best))',
        '            self.plot.mark_best(self._index_of(best) - 1)',
        ('tests/test_numbers_shown_sweep.py::test_the_sweep_shows_each_lambdas_errors_and_the_best_by_its_rule',),
    ),
    Mutation(
        'sweep plot: test curve drawn from train errors',
        'regviz/gui/views/sweep_plot.py',
        '        self.test_curve.setData(xs, [100 * p.test_error for _, p in grid])',
        '        self.test_curve.setData(xs, [100 * p.train_error for _, p in grid])',
        ('tests/test_numbers_shown_sweep.py::test_the_sweep_shows_each_lambdas_errors_and_the_best_by_its_rule',),
    ),
    Mutation(
        'early stop: star at the highest test loss',
        'regviz/gui/views/cost_view.py',
        '    return int(np.argmin(np.where(finite, test, np.inf)))',
        '    return int(np.argmax(np.where(finite, test, -np.inf)))',
        ('tests/test_numbers_shown_cost.py::test_the_star_marks_the_lowest_test_loss_and_its_accuracies',),
    ),
    Mutation(
        "early stop: label's train accuracy is the test one",
        'regviz/gui/views/cost_view.py',
        '        step=int(history["step"][i]), train=100 * history["train_accuracy"][i],',
        '        step=int(history["step"][i]), train=100 * history["test_accuracy"][i],',
        ('tests/test_numbers_shown_cost.py::test_the_star_marks_the_lowest_test_loss_and_its_accuracies',),
    ),
    Mutation(
        "early stop: label's test accuracy is the train one",
        'regviz/gui/views/cost_view.py',
        '        test=100 * history["test_accuracy"][i])',
        '        test=100 * history["train_accuracy"][i])',
        ('tests/test_numbers_shown_cost.py::test_the_star_marks_the_lowest_test_loss_and_its_accuracies',),
    ),
    Mutation(
        'early stop: label names the next recorded step',
        'regviz/gui/views/cost_view.py',
        '        step=int(history["step"][i]), train',
        '        step=int(history["step"][i + 1]), train',
        ('tests/test_numbers_shown_cost.py::test_the_star_marks_the_lowest_test_loss_and_its_accuracies',),
    ),
    Mutation(
        "early stop: star at the train total's height",
        'regviz/gui/views/cost_view.py',
        '        step, loss = float(h["step"][i]), float(h["test_loss"][i])',
        '        step, loss = float(h["step"][i]), float(h["train_total"][i])',
        ('tests/test_numbers_shown_cost.py::test_the_star_marks_the_lowest_test_loss_and_its_accuracies',),
    ),
    Mutation(
        'history: test loss 1 % high',
        'regviz/core/trainer.py',
        '            test_loss = test_ws.data_loss()',
        '            test_loss = test_ws.data_loss() * 1.01',
        ('tests/test_numbers_shown_cost.py::test_the_star_marks_the_lowest_test_loss_and_its_accuracies',),
    ),
    Mutation(
        'penalty: course form λ/m instead of λ/(2m)',
        'regviz/core/regularization.py',
        '        return 1.0 / (2.0 * m) if self.divide_by_2m else 1.0',
        '        return 1.0 / m if self.divide_by_2m else 1.0',
        ('tests/test_numbers_shown_cost.py::test_the_cost_curves_are_the_objective_the_formula_box_states',),
    ),
    Mutation(
        "penalty: book's bias term uses the weights",
        'regviz/core/regularization.py',
        '                      + self.l2_bias[l] * b_sq + self.l1_bias[l] * b_abs)',
        '                      + self.l2_bias[l] * w_sq + self.l1_bias[l] * b_abs)',
        ('tests/test_numbers_shown_cost.py::test_the_cost_curves_are_the_objective_the_formula_box_states',),
    ),
    Mutation(
        'penalty: biases never regularized',
        'regviz/config.py',
        '            l2_bias=per_layer(self.l2 if bias else 0.0),',
        '            l2_bias=per_layer(0.0),',
        ('tests/test_numbers_shown_cost.py::test_the_cost_curves_are_the_objective_the_formula_box_states',),
    ),
    Mutation(
        'penalty: the chosen layers ignored',
        'regviz/config.py',
        '        chosen = set(self.regularized_layers) or set(range(1, n_layers + 1))',
        '        chosen = set(range(1, n_layers + 1))',
        ('tests/test_numbers_shown_cost.py::test_the_cost_curves_are_the_objective_the_formula_box_states',),
    ),
    Mutation(
        'formula box: λ/m written for λ/(2m)',
        'regviz/formula.py',
        '                terms.append(f"{lam}/(2m)·Σₗ‖{p}ₗ‖²")',
        '                terms.append(f"{lam}/m·Σₗ‖{p}ₗ‖²")',
        ('tests/test_numbers_shown_cost.py::test_the_cost_curves_are_the_objective_the_formula_box_states',),
    ),
    Mutation(
        'formula box: m not said to be the training points',
        'regviz/formula.py',
        '                points = tr(QT_TRANSLATE_NOOP("Formula", "{m} training points"))',
        '                points = tr(QT_TRANSLATE_NOOP("Formula", "{m} points"))',
        ('tests/test_numbers_shown_cost.py::test_the_cost_curves_are_the_objective_the_formula_box_states',),
    ),
    Mutation(
        'cost curve: train total without the penalty',
        'regviz/core/trainer.py',
        '            train_total=step_loss + penalty, test_loss=test_loss,',
        '            train_total=step_loss + 0 * penalty, test_loss=test_loss,',
        ('tests/test_numbers_shown_cost.py::test_the_cost_curves_are_the_objective_the_formula_box_states',),
    ),
    Mutation(
        'history: L1 sums of weights and biases interleaved wrongly',
        'regviz/core/trainer.py',
        '        sums = list(zip(squares[0::2], magnitudes[0::2], squares[1::2], magnitudes[1::2],',
        '        sums = list(zip(squares[0::2], magnitudes[1::2], squares[1::2], magnitudes[0::2],',
        ('tests/test_numbers_shown_cost.py::test_the_cost_curves_are_the_objective_the_formula_box_states',),
    ),
    Mutation(
        'CSV: per-layer columns reversed',
        'regviz/history_csv.py',
        '                columns.append((f"{name}_{layer + 1}", values[:, layer]))',
        '                columns.append((f"{name}_{layer + 1}", values[:, -1 - layer]))',
        ('tests/test_numbers_shown_csv.py::test_the_exported_history_is_the_run_column_by_column',),
    ),
    Mutation(
        'CSV: train and test accuracy columns swapped',
        'regviz/history_csv.py',
        '            columns.append((name, values))',
        '            columns.append((name, series[{"train_accuracy": "test_accuracy", "test_accuracy": "train_accuracy"}.get(name, name)]))',
        ('tests/test_numbers_shown_csv.py::test_the_exported_history_is_the_run_column_by_column',),
    ),
    Mutation(
        'CSV: numbers rounded to 6 digits',
        'regviz/history_csv.py',
        '    return str(int(f)) if f.is_integer() and abs(f) < 2**53 else repr(f)',
        '    return str(int(f)) if f.is_integer() and abs(f) < 2**53 else f"{f:.6g}"',
        ('tests/test_numbers_shown_csv.py::test_the_exported_history_is_the_run_column_by_column',),
    ),
    Mutation(
        'history: train and test accuracy swapped',
        'regviz/core/trainer.py',
        '            train_accuracy=train_correct / len(self.y_train), test_accuracy=test_accuracy,',
        '            train_accuracy=test_accuracy, test_accuracy=train_correct / len(self.y_train),',
        ('tests/test_numbers_shown_csv.py::test_the_exported_history_is_the_run_column_by_column',),
    ),
    Mutation(
        'history: weight norm from the biases',
        'regviz/core/trainer.py',
        '            weight_norm=[math.sqrt(s) for s in squares[0::2]],',
        '            weight_norm=[math.sqrt(s) for s in squares[1::2]],',
        ('tests/test_numbers_shown_csv.py::test_the_exported_history_is_the_run_column_by_column',),
    ),
    Mutation(
        'history: per-layer L1 sums reversed',
        'regviz/core/trainer.py',
        '            weight_l1=magnitudes[0::2],',
        '            weight_l1=magnitudes[::-2],',
        ('tests/test_numbers_shown_csv.py::test_the_exported_history_is_the_run_column_by_column',),
    ),
    Mutation(
        "weight norms: L1 read-out's Σ|W| in reverse layer order",
        "regviz/gui/views/weight_norms_view.py",
        'sum_parts = [f"{l1[-1, l]:.3g}" for l in range(n_layers)]',
        'sum_parts = [f"{l1[-1, n_layers - 1 - l]:.3g}" for l in range(n_layers)]',
        ("tests/test_numbers_shown_norms.py::test_l1_readout_counts_the_exact_zeros_and_sums_the_drawn_weights",),
    ),
    Mutation(
        "weight norms: zero share of the previous record",
        "regviz/gui/views/weight_norms_view.py",
        'zero_parts = [f"W{l + 1} {100 * zeros[-1, l]:.0f}%" for l in range(n_layers)]',
        'zero_parts = [f"W{l + 1} {100 * zeros[-2, l]:.0f}%" for l in range(n_layers)]',
        ("tests/test_numbers_shown_norms.py::test_l1_readout_counts_the_exact_zeros_and_sums_the_drawn_weights",),
    ),
    Mutation(
        'session: checkpoints not restored on opening',
        'regviz/session.py',
        '        checkpoints.restore(experiment.trainer, saved[-1])',
        '        pass',
        ('tests/test_session_fixtures.py::test_an_old_session_trains_on_as_a_rerun_of_its_config',),
    ),
    Mutation(
        'session: history not restored on opening',
        'regviz/session.py',
        '                experiment.trainer.restore(self.step, self.history)',
        '                pass',
        ('tests/test_session_fixtures.py::test_an_old_session_trains_on_as_a_rerun_of_its_config',),
    ),
    Mutation(
        'session: a saved setting dropped on opening',
        'regviz/session.py',
        '    config = Config.from_dict(json.loads(str(arrays["config_json"])))',
        '    config = Config.from_dict({k: v for k, v in json.loads(str(arrays["config_json"])).items() if k != "l2"})',
        ('tests/test_session_fixtures.py::test_an_old_session_loads_with_its_settings_step_and_weights',),
    ),
    Mutation(
        'session: a missing setting is an error, not its default',
        'regviz/config.py',
        '        cfg = Config(preset=preset).with_values(**values)',
        '        cfg = Config(preset=preset).with_values(**{f.name: data[f.name] for f in FIELDS})',
        ('tests/test_session_fixtures.py::test_a_session_missing_a_setting_loads_with_its_default',),
    ),
    Mutation(
        'files: a read-only folder not checked',
        'regviz/cli.py',
        '    if not os.access(folder, os.W_OK):',
        '    if False:',
        ('tests/test_bad_files.py::test_a_read_only_folder_exits_2_and_keeps_the_file',),
    ),
    Mutation(
        'files: a refused write leaves its temporary file',
        'regviz/atomic_file.py',
        '        Path(tmp).unlink(missing_ok=True)',
        '        pass',
        ('tests/test_bad_files.py::test_a_folder_whose_check_passes_but_refuses_the_write_keeps_the_file',),
    ),
    Mutation(
        'files: written in place, not atomically',
        'regviz/atomic_file.py',
        '        write(tmp)',
        '        write(str(path))',
        ('tests/test_bad_files.py::test_a_folder_whose_check_passes_but_refuses_the_write_keeps_the_file',),
    ),
    Mutation(
        "files: replaced by copying over the user's file",
        'regviz/atomic_file.py',
        '        os.replace(tmp, path)',
        '        Path(path).write_bytes(Path(tmp).read_bytes())',
        ('tests/test_bad_files.py::test_a_folder_whose_check_passes_but_refuses_the_write_keeps_the_file',),
    ),
    Mutation(
        'worker: a snapshot after every tick',
        'regviz/gui/workers/training_worker.py',
        '        if trained and (self._every_step() or now >= self._next_emit - SNAPSHOT_EARLY_S):',
        '        if trained:',
        ('tests/test_worker.py::test_snapshots_while_playing_come_once_per_interval',),
    ),
    Mutation(
        "worker: the window's snapshot interval ignored",
        'regviz/gui/workers/training_worker.py',
        '                                     max(MIN_SNAPSHOT_INTERVAL_S, float(seconds)))',
        '                                     max(MIN_SNAPSHOT_INTERVAL_S, DEFAULT_SNAPSHOT_INTERVAL_S))',
        ('tests/test_worker.py::test_snapshots_while_playing_come_once_per_interval',),
    ),
    Mutation(
        'worker: each snapshot interval counted from its late sending',
        'regviz/gui/workers/step_pacer.py',
        '        return due + interval',
        '        return now + interval',
        ('tests/test_worker.py::test_snapshots_while_playing_come_once_per_interval', 'tests/test_pacing_control.py::test_late_ticks_do_not_slow_the_snapshot_rate'),
    ),
    Mutation(
        "control panel: a drag's pending preview not cancelled on release",
        'regviz/gui/controls/control_panel.py',
        '        self._announce_throttled.cancel()',
        '        pass',
        ('tests/test_control_panel.py::test_slider_drag_previews_a_bounded_number_of_values_and_sends_one_change',),
    ),
    Mutation(
        'control panel: every drag move previewed',
        'regviz/gui/controls/control_panel.py',
        '            self._announce_throttled()',
        '            self.config_previewed.emit(self.config)',
        ('tests/test_control_panel.py::test_slider_drag_previews_a_bounded_number_of_values_and_sends_one_change',),
    ),
    Mutation(
        'controls: a refused value gives the focus away',
        'regviz/gui/controls/control_panel.py',
        '        if not self.has_error and self.editor.hasFocus():',
        '        if self.editor.hasFocus():',
        ('tests/test_classroom.py::test_a_refused_value_keeps_the_focus_to_be_corrected',),
    ),
    Mutation(
        'point editor: a plain click adds a point',
        'regviz/gui/actions/point_editor.py',
        '        if not (self.editing or shift) or event.double():',
        '        if event.double():',
        ('tests/test_classroom.py::test_plain_click_selects_instead_of_adding_unless_editing_or_shift',),
    ),
    Mutation(
        'window: the newest snapshot not kept',
        'regviz/gui/windows/main_window.py',
        '        self.latest = snapshot',
        '        pass',
        ('tests/test_main_window.py::test_keep_prob_shows_dropped_units_for_the_selected_sample',),
    ),
    Mutation(
        "change markers: a drag's previews applied as changes",
        'regviz/gui/workers/training_worker.py',
        '        self._apply(config, provisional=True)',
        '        self._apply(config, provisional=False)',
        ('tests/test_change_markers.py::test_a_slider_drag_while_training_leaves_one_marker_with_one_label',),
    ),
    Mutation(
        'frame pacer: hidden views drawn',
        'regviz/gui/workers/frame_pacer.py',
        '            elif view.showing():',
        '            elif True:',
        ('tests/test_frame_pacer.py::test_hidden_views_are_not_drawn',),
    ),
    Mutation(
        'frame pacer: drawing never stretched',
        'regviz/gui/workers/frame_pacer.py',
        '        return min(MAX_STRETCH, stretch * ratio)',
        '        return min(MAX_STRETCH, stretch)',
        ('tests/test_frame_pacer.py::test_expensive_drawing_stretches_every_interval_until_it_is_cheap', 'tests/test_pacing_control.py::test_overload_stretches_until_drawing_takes_its_share'),
    ),
    Mutation(
        'frame pacer: a stretch never relaxed',
        'regviz/gui/workers/frame_pacer.py',
        '        return max(1.0, stretch * math.sqrt(ratio))',
        '        return stretch',
        ('tests/test_frame_pacer.py::test_expensive_drawing_stretches_every_interval_until_it_is_cheap', 'tests/test_pacing_control.py::test_cheaper_drawing_brings_the_stretch_back_to_one'),
    ),
    Mutation(
        'frame pacer: a slower view draws a snapshot newer than the label',
        'regviz/gui/workers/frame_pacer.py',
        '                self._draw(view, self.current, now)',
        '                self._draw(view, self._waiting[-1] if self._waiting else self.current, now)',
        ('tests/test_frame_pacer.py::test_slower_views_draw_what_the_header_shows_never_later',),
    ),
    Mutation(
        'frame pacer: pausing does not catch every view up',
        'regviz/gui/workers/frame_pacer.py',
        '                self._waiting.append(newest)  # everything catches up with the newest',
        '                pass',
        ('tests/test_frame_pacer.py::test_pausing_brings_every_view_to_the_newest',),
    ),
    Mutation(
        'frame pacer: the boundary drawn 25 % too often',
        'regviz/gui/workers/frame_pacer.py',
        '        return self.lead.interval * self.lead_stretch',
        '        return self.lead.interval * self.lead_stretch * 0.8',
        ('tests/test_frame_pacer.py::test_each_view_keeps_to_its_own_rate',),
    ),
    Mutation(
        'frame pacer: slower views drawn 25 % too often',
        'regviz/gui/workers/frame_pacer.py',
        '                waits.append(view.drawn_at + view.interval * self.stretch - now)',
        '                waits.append(view.drawn_at + view.interval * self.stretch * 0.8 - now)',
        ('tests/test_frame_pacer.py::test_each_view_keeps_to_its_own_rate',),
    ),
    Mutation(
        "cost view: the early-stop label's transform not brought up to date when shown",
        'regviz/gui/views/cost_view.py',
        '        self.early_stop_label.updateTransform()',
        '        pass',
        ('tests/test_early_stop_label.py::test_the_label_lies_inside_the_cost_plot_beside_its_star',),
    ),
    Mutation(
        'raster: mini-batch columns called training points',
        'regviz/gui/views/network_diagram_view.py',
        '        batched = rows is not None and not np.array_equal(rows, np.arange(len(rows)))',
        '        batched = False',
        ('tests/test_mask_row_order.py::test_the_rasters_columns_say_what_they_are',),
    ),
    Mutation(
        "frame pacer: the boundary slowed as soon as the plots",
        "regviz/gui/workers/frame_pacer.py",
        "        return max(1.0, self.stretch / OTHERS_FIRST)",
        "        return self.stretch",
        ("tests/test_pacing_control.py::test_the_other_views_slow_down_before_the_boundary",),
    ),
    Mutation(
        "cost view: the early-stop label hung over the curves",
        "regviz/gui/views/cost_view.py",
        "        below = room_below >= 1.3 * label_h or room_below > 0.5 * height_px",
        "        below = y > 0.5 * (y_low + y_high)",
        ("tests/test_early_stop_label.py::test_the_label_lies_inside_the_cost_plot_beside_its_star",),
    ),
)


def copy_project(into: Path) -> Path:
    dest = into / "regviz-mutant"
    ignore = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build",
                                    "dist", "failures", ".ruff_cache")
    for name in ("regviz", "tests", "resources", "pyproject.toml", "main.py", "README.md"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def run_tests(copy: Path, tests: tuple[str, ...], timeout: float) -> tuple[bool, str]:
    """True if the tests pass. The copy is the working directory, so its `regviz`
    comes before the installed (editable) one on sys.path."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        out = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
            cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "timed out"
    last = (out.stdout.strip().splitlines() or ["(no output)"])[-1]
    return out.returncode == 0, last


def plant(file: Path, mutation: Mutation) -> str:
    text = file.read_text(encoding="utf-8")
    count = text.count(mutation.original)
    if count != 1:
        raise SystemExit(f"{mutation.name!r}: the original text occurs {count} times in "
                         f"{mutation.path} (it must occur exactly once); update the entry")
    file.write_text(text.replace(mutation.original, mutation.mutated), encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="", help="only entries whose name contains this")
    parser.add_argument("--list", action="store_true", help="list the entries and stop")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per pytest run")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTATIONS if args.k.lower() in m.name.lower()]
    if args.list:
        for m in chosen:
            print(f"{m.name}\n    {m.path}: {m.original!r} -> {m.mutated!r}")
        return 0
    if not chosen:
        print(f"no entry's name contains {args.k!r}")
        return 2
    missed = 0
    with tempfile.TemporaryDirectory(prefix="regviz-mutation-") as tmp:
        copy = copy_project(Path(tmp))
        every_test = tuple(dict.fromkeys(t for m in chosen for t in m.tests))
        passed, last = run_tests(copy, every_test, args.timeout * 2)
        print(f"unmutated: {'pass' if passed else 'FAIL'} ({last})")
        if not passed:
            print("the tests fail before any bug is planted: nothing can be concluded")
            return 1
        width = max(len(m.name) for m in chosen)
        for m in chosen:
            file = copy / m.path
            original = plant(file, m)
            started = time.monotonic()
            try:
                passed, last = run_tests(copy, m.tests, args.timeout)
            finally:
                file.write_text(original, encoding="utf-8")
            verdict = "MISSED" if passed else "caught"
            missed += passed
            print(f"{verdict:6}  {m.name:<{width}}  {time.monotonic() - started:5.1f} s  ({last})",
                  flush=True)
    print(f"{len(chosen) - missed} of {len(chosen)} planted bugs caught")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
