"""The objective a Config trains, as text: the data loss plus the penalty exactly as
configured (÷2m or not, biases or not, which layers), the gradient term the
penalty adds, decoupled weight decay (which is not in the objective: a line of its
own says so) and dropout when it is on. Pure Python: the control panel shows it,
tests read it.

The terms follow :mod:`regviz.core.regularization`: the course's form divides every
term by 2m, m = N the number of training points whatever the batch (L2 λ/(2m)·Σ‖W‖²,
gradient λ/m·W; L1 λ/(2m)·Σ|W|, gradient λ/(2m)·sign W), the book's form does not
(λ·Σw², gradient 2λw; λ·Σ|w|, λ·sign w).
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import Config
from .core.datasets import split_sizes
from .translatable import QT_TRANSLATE_NOOP, Translator, english


@dataclass(frozen=True)
class Formula:
    """``loss``: J = data loss + penalty; ``gradient``: what the penalty adds to
    ∂J/∂W (and ∂J/∂b), a line each; ``decay``: decoupled weight decay's update ("" when
    it is 0); ``dropout``: how the hidden layers are thinned ("" when keep_prob is 1);
    ``where``: the layer range and what m is, a line each ("" if nothing to say)."""

    loss: str
    gradient: str
    dropout: str
    where: str
    decay: str = ""

    @property
    def text(self) -> str:
        return "\n".join(part for part in (self.loss, self.gradient, self.decay, self.dropout,
                                            self.where) if part)


def layers_text(config: Config, tr: Translator = english) -> str:
    """Which weight layers the penalty covers: "layers 1–3", "layer 2 only", "layers 1, 3"."""
    n_layers = len(config.hidden) + 1
    chosen = sorted(set(config.regularized_layers) or range(1, n_layers + 1))
    if len(chosen) == 1:
        if n_layers > 1:
            return tr(QT_TRANSLATE_NOOP("Formula", "layer {layer} only")).format(layer=chosen[0])
        return tr(QT_TRANSLATE_NOOP("Formula", "layer {layer}")).format(layer=chosen[0])
    if chosen == list(range(chosen[0], chosen[-1] + 1)):
        return tr(QT_TRANSLATE_NOOP("Formula", "layers {first}–{last}")).format(
            first=chosen[0], last=chosen[-1])
    return tr(QT_TRANSLATE_NOOP("Formula", "layers {layers}")).format(
        layers=", ".join(str(l) for l in chosen))


def _number(value: float) -> str:
    return f"{value:g}"


def formula(config: Config, n_train: int | None = None, tr: Translator = english) -> Formula:
    """The objective and gradient ``config`` trains with (see the module docstring).

    ``n_train``: the number of training points, the course form's m; by default the
    number the config's generated data split into (unknown for a data file). ``tr``:
    the window's language (the symbols stay)."""
    course = config.divide_by_2m
    params = ("W", "b") if config.regularize_biases else ("W",)
    terms = []
    grads: dict[str, list[str]] = {p: [] for p in params}
    if config.l2 > 0:
        lam = _number(config.l2)
        for p in params:
            if course:
                terms.append(f"{lam}/(2m)·Σₗ‖{p}ₗ‖²")
                grads[p].append(f"{lam}/m·{p}")
            else:
                terms.append(f"{lam}·Σ{p.lower()}²")
                grads[p].append(f"2·{lam}·{p}")
    if config.l1 > 0:
        lam = _number(config.l1)
        for p in params:
            if course:
                terms.append(f"{lam}/(2m)·Σₗ|{p}ₗ|")
                grads[p].append(f"{lam}/(2m)·sign {p}")
            else:
                terms.append(f"{lam}·Σ|{p.lower()}|")
                grads[p].append(f"{lam}·sign {p}")
    if terms:
        loss = tr(QT_TRANSLATE_NOOP("Formula", "J = cross-entropy + {terms}")).format(
            terms=" + ".join(terms))
        # One line per parameter: what the penalty adds to its gradient.
        gradient = "\n".join(f"∂J/∂{p} += {' + '.join(g)}" for p, g in grads.items())
        if config.l1 > 0:
            gradient += "\n" + tr(QT_TRANSLATE_NOOP(
                "Formula", "L1 as a soft-threshold step: weights can stop at exactly 0"))
    else:
        loss = tr(QT_TRANSLATE_NOOP("Formula", "J = cross-entropy   (no penalty)"))
        gradient = ""
    decay = ""
    if config.weight_decay > 0:
        # Not a term of J: the update itself shrinks the parameters (see core.trainer).
        wd = _number(config.weight_decay)
        # No-break spaces: a wrapped line must not split "W −= lr·wd·W" in two.
        steps = ", ".join(f"{p}\u00a0−=\u00a0lr·{wd}·{p}" for p in params)
        decay = tr(QT_TRANSLATE_NOOP(
            "Formula", "Weight decay (not in J): each step also {steps}, outside the optimizer"
        )).format(steps=steps)
    dropout = ""
    if config.keep_prob < 1:
        kp = _number(config.keep_prob)
        dropout = tr(QT_TRANSLATE_NOOP(
            "Formula", "Dropout: each hidden unit kept with p = {kp}, survivors ×1/{kp}; "
            "no dropout when evaluating")).format(kp=kp)
    where = ""
    if terms or decay:
        if terms and decay:
            where = tr(QT_TRANSLATE_NOOP("Formula", "penalty and decay on {layers}"))
        elif terms:
            where = tr(QT_TRANSLATE_NOOP("Formula", "penalty on {layers}"))
        else:
            where = tr(QT_TRANSLATE_NOOP("Formula", "decay on {layers}"))
        where = where.format(layers=layers_text(config, tr))
        if course and terms:
            if n_train is None and not config.data_file:
                n_train = split_sizes(config.n_samples, config.test_fraction)[0]
            m = "m = N" + (f" = {n_train}" if n_train is not None else "")
            if config.batch_size:
                points = tr(QT_TRANSLATE_NOOP(
                    "Formula", "{m} training points, whatever the batch ({batch})"))
            else:
                points = tr(QT_TRANSLATE_NOOP("Formula", "{m} training points"))
            where += "\n" + points.format(m=m, batch=config.batch_size)
    return Formula(loss, gradient, dropout, where, decay)


def formula_text(config: Config, n_train: int | None = None, tr: Translator = english) -> str:
    """:func:`formula` as one block of lines."""
    return formula(config, n_train, tr).text
