"""How much do two renders of the same state differ? The figures behind the
screenshot tests' tolerance (tests/test_screenshots.py).

    .venv/bin/python benchmarks/screenshot_noise.py [--repeats 4] [--processes 3]

Renders a few states of the window (the same renderer as ``--screenshot`` and the
tests) and prints, for each comparison, the share of pixels whose largest channel
difference exceeds 0, 8, 24 and 64, and the largest channel difference:

1. the same state rendered again in the same process;
2. in separate fresh processes (what CI does on a fresh machine);
3. in fresh processes with other numerics: one BLAS thread, OpenBLAS's generic
   kernels, numpy's SIMD paths switched off -- a stand-in for another CPU of the
   same kind, where the trained weights may differ in the last bits;
4. real regressions the tests must catch (another λ, swapped class colours, a
   hidden view), so the tolerance can sit between noise and regression.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STEPS = 2000
STATES = {
    "overfit": ("overfit", {}),
    "dropout": ("dropout", {}),
    "l2": ("l2", {}),
}
THRESHOLDS = (0, 8, 24, 64)
# Another CPU of the same kind, simulated: other BLAS kernels and summation orders,
# numpy's vectorised exp/log/tanh switched to their baseline versions.
NUMERICS = {
    "1 BLAS thread": {"OPENBLAS_NUM_THREADS": "1"},
    "OpenBLAS Prescott kernels": {"OPENBLAS_CORETYPE": "Prescott"},
    "numpy without AVX2/AVX-512": {"NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL"},
    # Qt picks its blending and scaling routines by CPU at run time.
    "Qt drawing without SSE4/AVX": {"QT_NO_CPU_FEATURE": "sse4.1 sse4.2 avx avx2 avx512f"},
}


def render(state: str, steps: int = STEPS, prepare=None):
    from regviz.config import load_preset
    from regviz.gui.image_compare import qimage_to_array
    from regviz.gui.screenshot import render_window_image

    preset, values = STATES.get(state, (state, {}))
    config = load_preset(preset).with_values(**values) if values else load_preset(preset)
    return qimage_to_array(render_window_image(config, steps, prepare=prepare))


def figures(a, b) -> str:
    import numpy as np

    if a.shape != b.shape:
        return "sizes differ"
    delta = np.abs(a[..., :3].astype(int) - b[..., :3].astype(int)).max(axis=2)
    shares = "  ".join(f">{t}: {np.mean(delta > t):8.4%}" for t in THRESHOLDS)
    return f"{shares}  max {delta.max():3d}"


def child(out_dir: str) -> None:
    """Render every state into ``out_dir`` (run in a fresh process)."""
    from regviz.gui.image_compare import array_to_qimage

    for state in STATES:
        array_to_qimage(render(state)).save(str(Path(out_dir) / f"{state}.png"))


def fresh_process_renders(env_extra: dict, out_dir: Path) -> None:
    env = dict(os.environ, **env_extra)
    subprocess.run([sys.executable, __file__, "--child", str(out_dir)], check=True, env=env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=4)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return

    from regviz.gui.image_compare import load_png

    print(f"steps {STEPS}, window 1600x1000; share of pixels whose largest channel "
          "difference exceeds the threshold\n")
    reference = {state: render(state) for state in STATES}

    print("1. same process, rendered again")
    for state in STATES:
        for i in range(args.repeats):
            print(f"   {state:8s} #{i + 1}  {figures(render(state), reference[state])}")

    with tempfile.TemporaryDirectory() as tmp:
        print("\n2. fresh processes")
        for p in range(args.processes):
            out = Path(tmp) / f"plain{p}"
            out.mkdir()
            fresh_process_renders({}, out)
            for state in STATES:
                print(f"   {state:8s} process {p + 1}  "
                      f"{figures(load_png(out / f'{state}.png'), reference[state])}")

        print("\n3. fresh processes, other numerics")
        for label, env in NUMERICS.items():
            out = Path(tmp) / label.replace(" ", "_").replace("/", "_")
            out.mkdir()
            fresh_process_renders(env, out)
            for state in STATES:
                print(f"   {state:8s} {label:28s} "
                      f"{figures(load_png(out / f'{state}.png'), reference[state])}")

    print("\n4. regressions the tests must catch (against the overfit / l2 render)")
    regressions = regression_renders()
    for label, (state, image) in regressions.items():
        print(f"   {label:34s} {figures(image, reference[state])}")


def regression_renders() -> dict:
    from dataclasses import replace

    from regviz.config import load_preset
    from regviz.gui.image_compare import qimage_to_array
    from regviz.gui.screenshot import render_window_image
    from regviz.gui.theme import Theme

    def swapped_colours(window):
        c = Theme.light().class_colours
        theme = replace(Theme.light(), class_colours=(c[1], c[0], *c[2:]))
        for view in window.views:
            view.apply_theme(theme)

    def image(config, prepare=None):
        return qimage_to_array(render_window_image(config, STEPS, prepare=prepare))

    l2 = load_preset("l2")
    return {
        "l2 λ 0.7 -> 0.6": ("l2", image(l2.with_values(l2=0.6))),
        "l2 λ 0.7 -> 0.3": ("l2", image(l2.with_values(l2=0.3))),
        "overfit, class colours swapped": ("overfit", image(load_preset("overfit"),
                                                            swapped_colours)),
        "overfit, cost view hidden": ("overfit", image(load_preset("overfit"),
                                                       lambda w: w.cost_view.hide())),
        "overfit, 1 step more": ("overfit", qimage_to_array(render_window_image(
            load_preset("overfit"), STEPS + 1))),
    }


if __name__ == "__main__":
    main()
