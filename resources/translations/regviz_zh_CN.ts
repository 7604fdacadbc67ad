<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CompactBar</name>
    <message>
        <location filename="../../regviz/gui/controls/compact_bar.py" line="45"/>
        <source>☰ All settings</source>
        <translation>☰ 全部设置</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/compact_bar.py" line="48"/>
        <source>Show or hide every setting (C)</source>
        <translation>显示或隐藏全部设置 (C)</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../regviz/compare.py" line="56"/>
        <source>Adam + L2 vs AdamW</source>
        <translation>Adam + L2 对比 AdamW</translation>
    </message>
    <message>
        <location filename="../../regviz/compare.py" line="57"/>
        <source>Adam with L2 λ = 0.005 (PyTorch&apos;s Adam(weight_decay=0.01)) against AdamW with weight decay 0.01: under plain SGD the same run; under Adam, L2&apos;s pull on each weight is divided by that weight&apos;s recent gradient size, while AdamW takes the same share lr·wd from every weight.</source>
        <translation>Adam 加 L2 λ = 0.005（即 PyTorch 的 Adam(weight_decay=0.01)）对比权重衰减 0.01 的 AdamW：用普通 SGD 时两者是同一次训练；用 Adam 时，L2 对每个权重的拉力要除以该权重近期的梯度大小，而 AdamW 从每个权重取走相同的比例 lr·wd。</translation>
    </message>
    <message>
        <location filename="../../regviz/compare.py" line="64"/>
        <source>None vs L2 vs dropout (the course)</source>
        <translation>无正则化 / L2 / 丢弃法（课程）</translation>
    </message>
    <message>
        <location filename="../../regviz/compare.py" line="65"/>
        <source>The course&apos;s three experiments on the current data and network: no regularization, L2 λ = 0.7 and dropout keep_prob = 0.86.</source>
        <translation>课程中的三个实验，使用当前的数据和网络：无正则化、L2 λ = 0.7、丢弃法 keep_prob = 0.86。</translation>
    </message>
    <message>
        <location filename="../../regviz/compare.py" line="81"/>
        <source>weight decay {wd:g}</source>
        <translation>权重衰减 {wd:g}</translation>
    </message>
    <message>
        <location filename="../../regviz/compare.py" line="84"/>
        <source>dropout {kp:g}</source>
        <translation>丢弃法 {kp:g}</translation>
    </message>
    <message>
        <location filename="../../regviz/compare.py" line="89"/>
        <source>none</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="54"/>
        <source>run</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="54"/>
        <source>train acc</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="55"/>
        <source>test acc</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="55"/>
        <source>gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="57"/>
        <source>step {step:,}</source>
        <translation>第 {step:,} 步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="87"/>
        <source>decay</source>
        <translation>衰减</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="89"/>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="98"/>
        <source>{setting} of this run only: {help}</source>
        <translation>仅本实验的{setting}：{help}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="203"/>
        <source>Start or pause every run (Space)</source>
        <translation>开始或暂停所有实验 (Space)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="204"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="206"/>
        <source>Every run back to step 0 and the shared initial weights (R)</source>
        <translation>所有实验回到第 0 步和共同的初始权重 (R)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="220"/>
        <source>How many runs to compare ({least}–{most}); changing it restarts every run</source>
        <translation>要对比的实验个数（{least}–{most}）；更改后所有实验重新开始</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="224"/>
        <source>Runs</source>
        <translation>实验数</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="234"/>
        <source>A ready-made comparison; choosing one restarts every run</source>
        <translation>预设的对比；选择后所有实验重新开始</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="237"/>
        <source>Same data · same initial weights · only the regularization differs</source>
        <translation>相同数据 · 相同初始权重 · 只有正则化不同</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="292"/>
        <source>Accuracy of each run now, measured without dropout; the gap (train − test, in percentage points) is the overfitting.</source>
        <translation>每个实验当前的准确率（不使用丢弃法测量）；差距（训练 − 测试，单位为百分点）就是过拟合的程度。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="295"/>
        <source>Accuracy now, without dropout.
gap = train − test (percentage points):
the bigger it is, the more the run overfits.</source>
        <translation>当前准确率，不使用丢弃法。
差距 = 训练 − 测试（百分点）：
差距越大，过拟合越严重。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="447"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="495"/>
        <source>regviz — compare runs ({preset})</source>
        <translation>regviz — 对比实验（{preset}）</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="40"/>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="41"/>
        <source>Regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="42"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="43"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="44"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="48"/>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="55"/>
        <source>Draw a fresh set of points (the next data seed); training restarts.</source>
        <translation>重新生成一组数据点（下一个数据种子）；训练重新开始。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="57"/>
        <source>Locked by this lesson scene: it keeps the value the scene set. Leave the lesson (Teach → Lessons) to change it.</source>
        <translation>已被本课的场景锁定：保持场景设定的值。退出课程（教学 → 课程）后才能修改。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="68"/>
        <source>{help}
Allowed: {allowed}.</source>
        <translation>{help}
允许的值：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="195"/>
        <source>e.g. 20,3</source>
        <translation>例如 20,3</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="197"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="199"/>
        <source>generated</source>
        <translation>自动生成</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="208"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="210"/>
        <source>Choose a CSV (x1, x2, label), NPZ or .mat file</source>
        <translation>选择 CSV（x1, x2, 标签）、NPZ 或 .mat 文件</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="251"/>
        <source> Log scale; the far right is {word} (no limit).</source>
        <translation> 对数刻度；最右端为 {word}（不限速）。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="254"/>
        <source> Log scale; the far left is 0.</source>
        <translation> 对数刻度；最左端为 0。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="356"/>
        <source>Train on points from a file</source>
        <translation>用文件中的数据点训练</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="357"/>
        <source>Points (*.csv *.npz *.mat);;All files (*)</source>
        <translation>数据点 (*.csv *.npz *.mat);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="410"/>
        <source>New points</source>
        <translation>新数据点</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/control_panel.py" line="482"/>
        <source>What training minimises right now: the data loss plus the penalty as configured, the term the penalty adds to each gradient, and dropout.</source>
        <translation>训练此刻最小化的目标：数据损失加上按设置计算的惩罚项、惩罚项给每个梯度增加的项，以及丢弃法。</translation>
    </message>
</context>
<context>
    <name>Experiment</name>
    <message>
        <location filename="../../regviz/experiment.py" line="107"/>
        <source> ({count} points)</source>
        <translation>（{count} 个点）</translation>
    </message>
    <message>
        <location filename="../../regviz/experiment.py" line="110"/>
        <source>The points come from {file}{count}; clear Data file to use generated points.</source>
        <translation>数据点来自 {file}{count}；清空“数据文件”即可使用自动生成的点。</translation>
    </message>
    <message>
        <location filename="../../regviz/experiment.py" line="113"/>
        <source>The points come from {file}{count}: its labels decide the classes.</source>
        <translation>数据点来自 {file}{count}：类别由文件中的标签决定。</translation>
    </message>
    <message>
        <location filename="../../regviz/experiment.py" line="118"/>
        <source>{file} brings its own train/test split.</source>
        <translation>{file} 自带训练集/测试集划分。</translation>
    </message>
    <message>
        <location filename="../../regviz/experiment.py" line="121"/>
        <source>The {dataset} dataset always has 2 classes; Classes applies to {datasets}.</source>
        <translation>{dataset} 数据集总是 2 个类别；“类别数”只适用于 {datasets}。</translation>
    </message>
    <message>
        <location filename="../../regviz/experiment.py" line="124"/>
        <source> and </source>
        <translation> 和 </translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="36"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="37"/>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg);;BMP image (*.bmp)</source>
        <translation>PNG 图片 (*.png);;JPEG 图片 (*.jpg *.jpeg);;BMP 图片 (*.bmp)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="45"/>
        <source>Save screens&amp;hot…</source>
        <translation>保存截图(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="46"/>
        <source>Save the whole window as a PNG</source>
        <translation>把整个窗口保存为 PNG 图片</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="48"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="49"/>
        <source>Save the history (CSV) or one plot (PNG or SVG)</source>
        <translation>保存历史记录（CSV）或某一张图（PNG 或 SVG）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="51"/>
        <source>Export as &amp;Python script…</source>
        <translation>导出为 &amp;Python 脚本…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="52"/>
        <source>A standalone numpy script that trains this run again, step for step, and reports the same numbers</source>
        <translation>一个独立的 numpy 脚本：逐步重现这次训练，并给出相同的数值</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="65"/>
        <source>History of every curve (CSV)</source>
        <translation>所有曲线的历史记录（CSV）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="66"/>
        <source>Whole window (PNG)</source>
        <translation>整个窗口（PNG）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="67"/>
        <source>{view} plot (PNG or SVG)</source>
        <translation>{view}图（PNG 或 SVG）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="74"/>
        <source>Save screenshot</source>
        <translation>保存截图</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="90"/>
        <location filename="../../regviz/gui/actions/export_actions.py" line="161"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="92"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="113"/>
        <source>Export as Python script</source>
        <translation>导出为 Python 脚本</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="116"/>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="166"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="173"/>
        <source>What to export:</source>
        <translation>导出内容：</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="199"/>
        <source>Saving {path} …</source>
        <translation>正在保存 {path} …</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="202"/>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="203"/>
        <source>Nothing was written to {path}:
{error}</source>
        <translation>没有写入 {path}：
{error}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/export_actions.py" line="206"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../regviz/config.py" line="63"/>
        <source>one of {values}</source>
        <translation>以下之一：{values}</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="66"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="68"/>
        <source>a path to a .csv, .npz or .mat file, or empty</source>
        <translation>.csv、.npz 或 .mat 文件的路径，或留空</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="72"/>
        <source>a comma-separated list of 1 to {most} whole numbers in {range}</source>
        <translation>用逗号分隔的 1 到 {most} 个整数，取值 {range}</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="75"/>
        <source> ({word} or 0: no limit)</source>
        <translation>（{word} 或 0：不限）</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="78"/>
        <source>a whole number in {range}</source>
        <translation>整数，取值 {range}</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="80"/>
        <source>a number in {range}</source>
        <translation>数值，取值 {range}</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="88"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="89"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="91"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="181"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="182"/>
        <source>Which 2-D problem the network learns, and so how low the data loss can go; changing it restarts training.</source>
        <translation>网络要学习的二维问题，决定数据损失最低能降到多少；更改后训练重新开始。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="187"/>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="188"/>
        <source>How many points in total (train and test); with fewer, the train loss falls easily while the test loss rises (overfitting).</source>
        <translation>数据点总数（训练集加测试集）；点越少，训练损失越容易下降，测试损失却会上升（过拟合）。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="193"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="194"/>
        <source>How much the points are jittered or mislabelled; more noise raises the lowest loss a sensible boundary can reach, and memorising it lowers only the train loss.</source>
        <translation>数据点的抖动或标错的程度；噪声越大，合理的边界能达到的最低损失越高，而记住噪声只会降低训练损失。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="199"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="200"/>
        <source>Number of classes for the spiral and gaussian datasets (others have 2); more classes make the starting loss (about ln k) higher.</source>
        <translation>spiral 和 gaussian 数据集的类别数（其余为 2）；类别越多，初始损失（约 ln k）越高。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="205"/>
        <source>Test share</source>
        <translation>测试集比例</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="206"/>
        <source>Share of the points held out as test data; the test loss is measured on them and never trained on.</source>
        <translation>留作测试集的数据点比例；测试损失在这些点上测量，它们从不参与训练。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="210"/>
        <source>Data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="211"/>
        <source>Seed of the random numbers that draw the points and the train/test split; another draw gives a slightly different loss curve.</source>
        <translation>生成数据点和划分训练集/测试集的随机种子；换一个种子，损失曲线会略有不同。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="216"/>
        <source>Data file</source>
        <translation>数据文件</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="217"/>
        <source>Train on your own points from a CSV (x1, x2, label), NPZ or the course&apos;s data.mat instead of a generated dataset: the losses are then measured on them.</source>
        <translation>用你自己的数据点训练：CSV（x1, x2, 标签）、NPZ 或课程的 data.mat，代替自动生成的数据集；损失就在这些点上测量。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="222"/>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="223"/>
        <source>Units per hidden layer, e.g. 20,3; more units can push the train loss lower by fitting (and overfitting) more complicated boundaries.</source>
        <translation>每个隐藏层的单元数，例如 20,3；单元越多，越能拟合（和过拟合）复杂的边界，训练损失也越低。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="228"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="229"/>
        <source>Non-linearity of the hidden units; it shapes the boundaries the network can draw and how fast the loss falls.</source>
        <translation>隐藏单元的非线性函数；它决定网络能画出什么样的边界，以及损失下降的快慢。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="233"/>
        <source>Init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="234"/>
        <source>Initial weights (course = randn/√n_in, nnfs = 0.01·randn, he = randn·√(2/n_in)); they set the starting loss and how fast it falls at first.</source>
        <translation>初始权重（course = randn/√n_in，nnfs = 0.01·randn，he = randn·√(2/n_in)）；决定初始损失和起初下降的快慢。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="239"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="240"/>
        <source>Seed of the initial weights, the dropout masks and the mini-batch order: the same seed gives the same loss curve, step for step.</source>
        <translation>初始权重、丢弃掩码和小批量顺序的随机种子：种子相同，损失曲线每一步都相同。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="246"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="247"/>
        <source>How the gradient of the total loss (data loss + penalty) updates the weights.</source>
        <translation>用总损失（数据损失 + 惩罚项）的梯度更新权重的方法。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="251"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="252"/>
        <source>Step size of each update; too large and the loss diverges. Applies at the next step.</source>
        <translation>每次更新的步长；太大会使损失发散。下一步生效。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="257"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="258"/>
        <source>LR decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="259"/>
        <source>Learning rate decays as lr/(1 + decay·step) (the book&apos;s schedule): the loss falls more smoothly but more slowly later on.</source>
        <translation>学习率按 lr/(1 + decay·step) 衰减（书中的方案）：后期损失下降更平稳，但更慢。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="264"/>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="265"/>
        <source>Samples per step; 0 means full batch (every training point every step). Small batches make the loss curve noisy.</source>
        <translation>每步使用的样本数；0 表示全批量（每步用全部训练点）。小批量会使损失曲线抖动。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="271"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="272"/>
        <source>Training steps per second in the window; max trains as fast as the machine allows. Slow it down to narrate each step: the loss curves are the same at any speed. Applies at once.</source>
        <translation>窗口中每秒训练的步数；max 表示机器能跑多快就多快。放慢以便讲解每一步：任何速度下损失曲线都相同。立即生效。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="279"/>
        <source>Log step axis</source>
        <translation>对数步数轴</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="280"/>
        <source>Show the steps of every plot on a log axis, so the first hundred steps and the last hundred thousand are both legible; the losses are the same.</source>
        <translation>所有图的步数用对数轴显示，前一百步和最后十万步都看得清；损失不变。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="286"/>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="287"/>
        <source>Adds λ·Σw² (÷2m in the course&apos;s form) to the loss, pulling every weight toward 0 in proportion to its size. Applies at the next step.</source>
        <translation>在损失中加上 λ·Σw²（课程形式中 ÷2m），按每个权重的大小成比例地把它拉向 0。下一步生效。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="292"/>
        <source>L1 λ</source>
        <translation>L1 λ</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="293"/>
        <source>Adds λ·Σ|w| to the loss, pushing weights toward 0 by a constant amount so many become exactly 0. Applies at the next step.</source>
        <translation>在损失中加上 λ·Σ|w|，以固定的量把权重推向 0，使许多权重恰好为 0。下一步生效。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="298"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="299"/>
        <source>Decoupled weight decay (AdamW): each step also takes lr·wd of every weight&apos;s value away, outside the optimizer and not part of the loss (the penalty curve leaves it out). Under SGD it equals L2 with λ = wd/2 (÷2m off); under Adam it does not. It covers what the penalty covers (Penalized layers, and biases only with Regularize biases), so the two differ only in how they act. Applies at the next step.</source>
        <translation>解耦权重衰减（AdamW）：每一步在优化器之外，再从每个权重取走其值的 lr·wd；它不属于损失（惩罚曲线不含它）。用 SGD 时它等于 λ = wd/2 的 L2（÷2m 关闭）；用 Adam 时则不然。它作用的范围与惩罚项相同（“惩罚的层”，偏置只在勾选“正则化偏置”时），所以两者只是作用方式不同。下一步生效。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="307"/>
        <source>Regularize biases</source>
        <translation>正则化偏置</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="308"/>
        <source>Also add the L1/L2 penalty on the biases to the loss (the book does; the course does not).</source>
        <translation>也把偏置的 L1/L2 惩罚加入损失（书中这样做，课程不这样做）。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="312"/>
        <source>bias penalty</source>
        <translation>偏置惩罚</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="313"/>
        <source>÷2m (course form)</source>
        <translation>÷2m（课程形式）</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="314"/>
        <source>On: the penalty added to the loss is λ/(2m)·Σw², m the training points, as in the course. Off: λ·Σw² as in the book, so the same λ is much stronger.</source>
        <translation>开：加入损失的惩罚项为 λ/(2m)·Σw²，m 为训练点数，与课程相同。关：λ·Σw²，与书中相同，同样的 λ 作用强得多。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="318"/>
        <source>÷2m</source>
        <translation>÷2m</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="319"/>
        <source>Penalized layers</source>
        <translation>惩罚的层</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="320"/>
        <source>Which weight layers (1 = first) the penalty in the loss covers; empty means all.</source>
        <translation>损失中的惩罚项作用于哪些权重层（1 = 第一层）；留空表示全部。</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="324"/>
        <source>penalized layers</source>
        <translation>惩罚的层</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="325"/>
        <source>keep_prob</source>
        <translation>keep_prob</translation>
    </message>
    <message>
        <location filename="../../regviz/config.py" line="326"/>
        <source>Probability that a hidden unit is kept in a training step (inverted dropout); lower values make the train loss noisier and higher, often lowering the test loss. 1 means no dropout. Applies at the next step.</source>
        <translation>保留概率：每个训练步中隐藏单元被保留的概率（反向丢弃法）；值越低，训练损失越高、越抖动，测试损失往往降低。1 表示不用丢弃法。下一步生效。</translation>
    </message>
</context>
<context>
    <name>Formula</name>
    <message>
        <location filename="../../regviz/formula.py" line="47"/>
        <source>layer {layer} only</source>
        <translation>仅第 {layer} 层</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="48"/>
        <source>layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="50"/>
        <source>layers {first}–{last}</source>
        <translation>第 {first}–{last} 层</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="52"/>
        <source>layers {layers}</source>
        <translation>第 {layers} 层</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="89"/>
        <source>J = cross-entropy + {terms}</source>
        <translation>J = 交叉熵 + {terms}</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="94"/>
        <source>L1 as a soft-threshold step: weights can stop at exactly 0</source>
        <translation>L1 以软阈值步实现：权重可以恰好停在 0</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="97"/>
        <source>J = cross-entropy   (no penalty)</source>
        <translation>J = 交叉熵   （无惩罚项）</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="105"/>
        <source>Weight decay (not in J): each step also {steps}, outside the optimizer</source>
        <translation>权重衰减（不在 J 中）：每一步在优化器之外还做 {steps}</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="111"/>
        <source>Dropout: each hidden unit kept with p = {kp}, survivors ×1/{kp}; no dropout when evaluating</source>
        <translation>丢弃法：每个隐藏单元以 p = {kp} 保留，保留的单元 ×1/{kp}；评估时不丢弃</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="117"/>
        <source>penalty and decay on {layers}</source>
        <translation>惩罚和衰减作用于{layers}</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="119"/>
        <source>penalty on {layers}</source>
        <translation>惩罚作用于{layers}</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="121"/>
        <source>decay on {layers}</source>
        <translation>衰减作用于{layers}</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="128"/>
        <source>{m} training points, whatever the batch ({batch})</source>
        <translation>{m} 个训练点，与批量（{batch}）无关</translation>
    </message>
    <message>
        <location filename="../../regviz/formula.py" line="131"/>
        <source>{m} training points</source>
        <translation>{m} 个训练点</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="17"/>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="18"/>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="19"/>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="20"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="21"/>
        <source>Weight norms</source>
        <translation>权重范数</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="22"/>
        <source>Weight histograms</source>
        <translation>权重直方图</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="23"/>
        <source>Constraint picture</source>
        <translation>约束图</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="25"/>
        <source>The network changes its weights to make the &lt;b&gt;total loss&lt;/b&gt; smaller: the &lt;b&gt;data loss&lt;/b&gt; (how wrong it is on the training points) plus the &lt;b&gt;penalty&lt;/b&gt; that L1 and L2 add for large weights. Dropout adds no term; it switches random units off in each step.</source>
        <translation>网络调整权重，让&lt;b&gt;总损失&lt;/b&gt;变小：总损失是&lt;b&gt;数据损失&lt;/b&gt;（在训练点上错得多少）加上 L1 和 L2 对大权重的&lt;b&gt;惩罚项&lt;/b&gt;。丢弃法不增加任何项；它在每一步随机关闭一些单元。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="30"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="31"/>
        <source>What am I looking at?</source>
        <translation>我在看什么？</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="43"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="45"/>
        <source>&amp;What am I looking at?</source>
        <translation>我在看什么？(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="57"/>
        <source>Letter and number keys do nothing while you type in a text field.</source>
        <translation>在文本框中输入时，字母键和数字键不起作用。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/help_dialogs.py" line="67"/>
        <source>Hover over any control to see what it does to the loss.</source>
        <translation>把鼠标停在任何控件上，就能看到它对损失有什么作用。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../regviz/gui/actions/language_actions.py" line="13"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../regviz/gui/actions/lesson_mode.py" line="51"/>
        <source>Previous scene (Page Up or Alt+←)</source>
        <translation>上一个场景 (Page Up 或 Alt+←)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/lesson_mode.py" line="54"/>
        <source>Next scene (Page Down or Alt+→)</source>
        <translation>下一个场景 (Page Down 或 Alt+→)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/lesson_mode.py" line="57"/>
        <source>Leave the lesson: every control back</source>
        <translation>退出课程：恢复所有控件</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/lesson_mode.py" line="95"/>
        <source>{lesson} · scene {n} of {count}{title}</source>
        <translation>{lesson} · 第 {n} 个场景，共 {count} 个{title}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/lesson_mode.py" line="99"/>
        <source>Ask the class: {question}</source>
        <translation>问问全班：{question}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/lesson_mode.py" line="128"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/lesson_mode.py" line="140"/>
        <source>Next scene</source>
        <translation>下一个场景</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/lesson_mode.py" line="141"/>
        <source>Previous scene</source>
        <translation>上一个场景</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/lesson_mode.py" line="142"/>
        <source>Leave the lesson</source>
        <translation>退出课程</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="20"/>
        <source>Choosing λ</source>
        <translation>选择 λ</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="21"/>
        <source>Three values of λ side by side in time, then the λ sweep: test error against λ on a log grid, and λ chosen where it is lowest.</source>
        <translation>先后比较三个 λ 值，然后做 λ 扫描：在对数网格上画出测试错误率随 λ 的变化，在最低处选择 λ。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="22"/>
        <source>λ = 0.01</source>
        <translation>λ = 0.01</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="23"/>
        <source>A tiny penalty, λ = 0.01: as good as none, and the network overfits as before.</source>
        <translation>很小的惩罚，λ = 0.01：几乎等于没有，网络照样过拟合。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="24"/>
        <source>λ = 0.7</source>
        <translation>λ = 0.7</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="25"/>
        <source>λ = 0.7: a smooth boundary and the best test accuracy of the three.</source>
        <translation>λ = 0.7：边界平滑，测试准确率是三者中最好的。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="26"/>
        <source>λ = 10</source>
        <translation>λ = 10</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="27"/>
        <source>λ = 10: the penalty wins over the data and the network underfits.</source>
        <translation>λ = 10：惩罚项压过了数据，网络欠拟合。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="28"/>
        <source>The sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="29"/>
        <source>The λ sweep trains one model per λ on a log grid: test error falls, bottoms out and rises again. Choose λ at the bottom — on held-out points, never on the training points.</source>
        <translation>λ 扫描在对数网格上为每个 λ 训练一个模型：测试错误率先降、到底、再升。在最低处选择 λ——依据留出的数据点，绝不依据训练点。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="30"/>
        <source>Why not choose λ where the train error is lowest?</source>
        <translation>为什么不在训练错误率最低处选择 λ？</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="31"/>
        <source>Dropout as an ensemble</source>
        <translation>丢弃法即集成</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="32"/>
        <source>Each step trains a different thinned network; the faint boundaries of 12 of them and their disagreement show dropout as an ensemble with shared weights.</source>
        <translation>每一步训练一个不同的稀疏子网络；其中 12 个的浅色边界和它们的分歧，说明丢弃法就是共享权重的集成。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="33"/>
        <source>Units switched off</source>
        <translation>被关闭的单元</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="34"/>
        <source>With keep_prob = 0.86 each hidden unit is dropped with probability 0.14 in every step: the crossed-out units in the diagram change from step to step.</source>
        <translation>keep_prob = 0.86 时，每个隐藏单元在每一步以 0.14 的概率被丢弃：结构图中打叉的单元每一步都在变。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="35"/>
        <source>Many thinned networks</source>
        <translation>许多稀疏子网络</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="36"/>
        <source>Every mask is a different thinned network; the faint lines are 12 of them. Training them all with shared weights makes dropout an ensemble.</source>
        <translation>每个掩码都是一个不同的稀疏子网络；浅色线是其中 12 个。用共享的权重训练它们全部，丢弃法就成了集成。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="37"/>
        <source>Where they disagree</source>
        <translation>它们的分歧</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="38"/>
        <source>Shaded: where the thinned networks disagree. The bold boundary is the whole network without dropout, roughly their average.</source>
        <translation>阴影：稀疏子网络意见不一的地方。粗的边界是不丢弃时的完整网络，大致是它们的平均。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="39"/>
        <source>Where on the map would you trust this network least, and why there?</source>
        <translation>在图上哪里你最不信任这个网络？为什么是那里？</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="40"/>
        <source>Early stopping</source>
        <translation>早停</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="41"/>
        <source>The star on the cost plot marks the lowest test loss; the lesson pauses once it has stood unbeaten for a while, then trains on to show the cost of not stopping.</source>
        <translation>代价图上的星号标出最低的测试损失；它保持一段时间不被刷新后课程暂停，然后继续训练，展示不停下来的代价。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="42"/>
        <source>The lowest test loss</source>
        <translation>最低的测试损失</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="43"/>
        <source>No penalty, and the star marks the lowest test loss so far. Training pauses once that star has stood unbeaten for a while.</source>
        <translation>没有惩罚项，星号标出目前最低的测试损失。星号保持一段时间不被刷新后，训练暂停。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="44"/>
        <source>Should we have stopped at the star?</source>
        <translation>我们应该在星号处停下来吗？</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="45"/>
        <source>Training on</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="46"/>
        <source>Past the star the network only fits noise: the train loss keeps falling while the test loss rises. Early stopping keeps the weights at the star.</source>
        <translation>过了星号，网络只是在拟合噪声：训练损失继续下降，测试损失却在上升。早停保留星号处的权重。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="47"/>
        <source>Stopping early limits how far the weights can grow. Which penalty does that resemble?</source>
        <translation>早停限制了权重能长多大。这像哪一种惩罚？</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="48"/>
        <source>L1 makes weights exactly zero</source>
        <translation>L1 让权重恰好为零</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="49"/>
        <source>L1 pulls every weight toward 0 by the same amount and stops it there: the histograms pile up at 0 and links vanish from the diagram.</source>
        <translation>L1 以相同的量把每个权重拉向 0，并让它停在那里：直方图在 0 处堆积，结构图中的连线消失。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="50"/>
        <source>No penalty</source>
        <translation>无惩罚项</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="51"/>
        <source>A 2-40-20-1 network with no penalty: its weights spread out, and the histogram band of each layer widens as it trains.</source>
        <translation>没有惩罚项的 2-40-20-1 网络：权重逐渐散开，每层直方图的带随着训练变宽。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="52"/>
        <source>L1 with λ = 0.003</source>
        <translation>L1，λ = 0.003</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="53"/>
        <source>L1 adds λ·Σ|w|: each step moves every weight toward 0 by the same amount and stops it at exactly 0. Watch the histograms pile up at 0 and the share of zeros climb.</source>
        <translation>L1 加上 λ·Σ|w|：每一步把每个权重向 0 移动相同的量，并让它停在恰好为 0 处。看直方图在 0 处堆积，0 的比例不断上升。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="54"/>
        <source>Why does L2 shrink weights but almost never make one exactly 0?</source>
        <translation>为什么 L2 会缩小权重，却几乎从不让权重恰好为 0？</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="55"/>
        <source>Links vanish</source>
        <translation>连线消失</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="56"/>
        <source>In the network diagram the zeroed links are gone: L1 chooses which inputs each unit keeps.</source>
        <translation>网络结构图中变为 0 的连线不见了：L1 为每个单元选择保留哪些输入。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="57"/>
        <source>Overfitting and L2</source>
        <translation>过拟合与 L2</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="58"/>
        <source>The course&apos;s story: a 2-20-3-1 network memorises noisy labels; L2 (λ/(2m)·Σ‖W‖², λ = 0.7) keeps the boundary smooth; too much λ underfits.</source>
        <translation>课程的故事：2-20-3-1 网络记住了带噪声的标签；L2（λ/(2m)·Σ‖W‖²，λ = 0.7）让边界保持平滑；λ 太大则欠拟合。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="59"/>
        <source>No regularization</source>
        <translation>不加正则化</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="60"/>
        <source>A 2-20-3-1 network learns 100 noisy training points with no penalty. Watch the boundary bend around single points while the test loss turns upward.</source>
        <translation>2-20-3-1 网络在没有惩罚项的情况下学习 100 个带噪声的训练点。看边界绕着个别点弯曲，同时测试损失转而上升。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="61"/>
        <source>Why does the test loss rise while the train loss keeps falling?</source>
        <translation>为什么训练损失一直下降，测试损失却在上升？</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="62"/>
        <source>L2 with λ = 0.7</source>
        <translation>L2，λ = 0.7</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="63"/>
        <source>Same points, same initial weights, now with the course&apos;s penalty λ/(2m)·Σ‖W‖² at λ = 0.7. The boundary stays smooth and the gap between train and test shrinks.</source>
        <translation>同样的数据点，同样的初始权重，现在加上课程的惩罚项 λ/(2m)·Σ‖W‖²，λ = 0.7。边界保持平滑，训练与测试的差距缩小。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="64"/>
        <source>Which training points does the network now get wrong on purpose?</source>
        <translation>网络现在故意分错了哪些训练点？</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="65"/>
        <source>Raise λ while it trains</source>
        <translation>边训练边增大 λ</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="66"/>
        <source>λ goes up to 3 without a restart: every weight is pulled harder toward 0, the weight norms drop and the boundary flattens.</source>
        <translation>不重新开始，λ 增大到 3：每个权重被更用力地拉向 0，权重范数下降，边界变平。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="67"/>
        <source>Too much</source>
        <translation>太多了</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="68"/>
        <source>At λ = 20 the penalty outweighs the data: the network underfits and both accuracies fall.</source>
        <translation>λ = 20 时惩罚项压过了数据：网络欠拟合，两个准确率都下降。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="69"/>
        <source>Somewhere between 0.7 and 20 it tipped over. How would you find where?</source>
        <translation>在 0.7 和 20 之间的某处出现了转折。你会怎样找到它？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../regviz/gui/windows/adaptive_layout.py" line="222"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/adaptive_layout.py" line="223"/>
        <source>Weight norms</source>
        <translation>权重范数</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="482"/>
        <location filename="../../regviz/gui/windows/main_window.py" line="675"/>
        <source>{message} — training is paused.</source>
        <translation>{message} — 训练已暂停。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/compare_window.py" line="496"/>
        <location filename="../../regviz/gui/windows/main_window.py" line="695"/>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="241"/>
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="75"/>
        <source>step {step:,}</source>
        <translation>第 {step:,} 步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="104"/>
        <source>{what} — lower the learning rate and press Reset.</source>
        <translation>{what} — 请降低学习率并按“重置”。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="117"/>
        <source>{settings} changed</source>
        <translation>{settings}已更改</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="118"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="124"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="127"/>
        <source>training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="129"/>
        <source>speed {speed:,g}</source>
        <translation>速度 {speed:,g}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="130"/>
        <source>max speed</source>
        <translation>最高速度</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="134"/>
        <source>{rate} steps/s ({wanted})</source>
        <translation>{rate} 步/秒（{wanted}）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="149"/>
        <source>diverged at step {step:,}: last finite weights {accuracies}</source>
        <translation>在第 {step:,} 步发散：最后的有限权重 {accuracies}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="154"/>
        <source>train {train:.1f}%  ·  test {test:.1f}%  ·  gap {gap:.1f} points</source>
        <translation>训练 {train:.1f}%  ·  测试 {test:.1f}%  ·  差距 {gap:.1f} 个百分点</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="159"/>
        <source>Play cannot go on from a diverged run: lower the learning rate and press Reset (R), or Ctrl+Z if a reset went before.</source>
        <translation>已发散的训练无法继续：请降低学习率并按“重置”(R)；如果之前重置过，可按 Ctrl+Z。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="246"/>
        <source>Accuracy on the training points and on the held-out test points; a large gap means the network is overfitting.</source>
        <translation>训练点和留出的测试点上的准确率；差距大说明网络过拟合。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="317"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="318"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="319"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="320"/>
        <source>&amp;Teach</source>
        <translation>教学(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="321"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="324"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="346"/>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练 (Space)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="347"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="349"/>
        <source>Pause, train one step and show it (S or →)</source>
        <translation>暂停，训练一步并显示 (S 或 →)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="351"/>
        <location filename="../../regviz/gui/windows/main_window.py" line="537"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="353"/>
        <source>Back to step 0: the initial weights of this seed (R)</source>
        <translation>回到第 0 步：此种子的初始权重 (R)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="365"/>
        <source>Training steps (weight updates) since the last reset</source>
        <translation>自上次重置以来的训练步数（权重更新次数）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="373"/>
        <source>Load a ready-made experiment; training restarts on its own points (keys {first}–{last})</source>
        <translation>载入预设的实验；用它自己的数据点重新开始训练（快捷键 {first}–{last}）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="382"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="417"/>
        <source>✎ Training on your edited points, not the preset&apos;s. Choose a preset (or its key) to get its points back.</source>
        <translation>✎ 正在用你编辑过的数据点训练，而不是预设的数据点。选择一个预设（或按它的快捷键）即可恢复它的数据点。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="438"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="440"/>
        <source>Weight histograms</source>
        <translation>权重直方图</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="444"/>
        <source>Constraint</source>
        <translation>约束</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="581"/>
        <source>Preset {name}</source>
        <translation>预设 {name}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/main_window.py" line="696"/>
        <source> · your edited points</source>
        <translation> · 你编辑的数据点</translation>
    </message>
</context>
<context>
    <name>Markers</name>
    <message>
        <location filename="../../regviz/gui/views/marker_layout.py" line="47"/>
        <source>{name} → {value} ({count} changes)</source>
        <translation>{name} → {value}（{count} 次更改）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/marker_layout.py" line="49"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PlayPauseButton</name>
    <message>
        <location filename="../../regviz/gui/controls/play_pause_button.py" line="11"/>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/play_pause_button.py" line="12"/>
        <source>❚❚  Pause</source>
        <translation>❚❚  暂停</translation>
    </message>
</context>
<context>
    <name>PointEditor</name>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="31"/>
        <source>Add training points of at least two classes to train again.</source>
        <translation>至少添加两个类别的训练点才能继续训练。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="64"/>
        <source>&amp;Edit points</source>
        <translation>编辑数据点(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="67"/>
        <source>Click in the decision boundary to add a point, right-click to remove the nearest</source>
        <translation>在决策边界图中单击添加一个点，右键单击删除最近的点</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="71"/>
        <source>&amp;Clear all points</source>
        <translation>清除所有数据点(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="78"/>
        <source>Edit points</source>
        <translation>编辑数据点</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="81"/>
        <source> New point:  class </source>
        <translation> 新数据点：  类别 </translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="84"/>
        <source>The class of the points you add (its colour in the plot)</source>
        <translation>添加的数据点的类别（即它在图中的颜色）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="90"/>
        <source>as a training point (the network learns it)</source>
        <translation>作为训练点（网络会学习它）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="91"/>
        <source>as a test point (only measured)</source>
        <translation>作为测试点（只用来测量）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="93"/>
        <source>Training points change the data loss and so the boundary; test points only change the test loss</source>
        <translation>训练点会改变数据损失，从而改变边界；测试点只改变测试损失</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="97"/>
        <location filename="../../regviz/gui/actions/point_editor.py" line="204"/>
        <source>Clear all points</source>
        <translation>清除所有数据点</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="99"/>
        <source>Remove every point; training waits until you have added training points of two classes</source>
        <translation>删除所有数据点；训练会等到你添加了两个类别的训练点</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/point_editor.py" line="104"/>
        <source>   click: add  ·  right-click: remove nearest</source>
        <translation>   单击：添加  ·  右键单击：删除最近的点</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="12"/>
        <source>The overfit setup trained with AdamW: Adam (lr 0.01) plus decoupled weight decay 0.3, which takes lr·wd = 0.3% of every weight each step outside Adam&apos;s moments and adds nothing to the loss.</source>
        <translation>overfit 的设置改用 AdamW 训练：Adam（lr 0.01）加解耦权重衰减 0.3，每一步在 Adam 的矩估计之外从每个权重取走 lr·wd = 0.3%，不给损失增加任何项。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="13"/>
        <source>The course&apos;s setup: 2-20-3-1, ReLU/ReLU/sigmoid, the course&apos;s own initial weights (init course, seed 3), full batch, learning rate 0.3, L2 in the ÷2m form; on a look-alike of its data with its 211 training and 200 test points. Given the course&apos;s data.mat (--data data.mat) it reproduces the notebook: 94.8% train / 91.5% test, and with λ=0.7 93.8% / 93%. The notebook&apos;s dropout figures (92.9% / 95%) differ because it calls np.random.seed(1) inside forward_propagation_with_dropout, so all 30,000 steps use one and the same mask; regviz draws a fresh mask every step, which is what dropout means.</source>
        <translation>课程的设置：2-20-3-1，ReLU/ReLU/sigmoid，课程自己的初始权重（init course，seed 3），全批量，学习率 0.3，÷2m 形式的 L2；数据仿照课程数据，有 211 个训练点和 200 个测试点。给定课程的 data.mat（--data data.mat）即可重现 notebook 的结果：训练 94.8% / 测试 91.5%，λ=0.7 时 93.8% / 93%。notebook 中丢弃法的数字（92.9% / 95%）不同，是因为它在 forward_propagation_with_dropout 里调用了 np.random.seed(1)，30,000 步用的都是同一个掩码；regviz 每一步都生成新的掩码，这才是丢弃法的本意。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="14"/>
        <source>The same data, network and initial weights with inverted dropout, keep_prob=0.86 on both hidden layers.</source>
        <translation>相同的数据、网络和初始权重，两个隐藏层使用反向丢弃法，keep_prob=0.86。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="15"/>
        <source>L1 drives many weights to exactly 0: watch the share of zeros in the weight-norm plot and the links vanish in the diagram.</source>
        <translation>L1 把许多权重推到恰好为 0：看权重范数图中 0 的比例，以及结构图中消失的连线。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="16"/>
        <source>The same data, network and initial weights with the course&apos;s L2, λ=0.7 (÷2m): a smoother boundary and a smaller train–test gap.</source>
        <translation>相同的数据、网络和初始权重，使用课程的 L2，λ=0.7（÷2m）：边界更平滑，训练与测试的差距更小。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="17"/>
        <source>The book&apos;s chapter 14: spiral data 100×3, 2-64-3, L2 5e-4 on layer 1&apos;s weights and biases, Adam lr 0.02 with decay 5e-7.</source>
        <translation>书中第 14 章：spiral 数据 100×3，2-64-3，第 1 层的权重和偏置加 L2 5e-4，Adam lr 0.02，衰减 5e-7。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="18"/>
        <source>No regularization: a 2-20-3-1 network memorises the noisy labels; train accuracy climbs above test. (Noisier than the course&apos;s data, noise 0.8, and 200 points, so the lesson is plain.)</source>
        <translation>无正则化：2-20-3-1 网络记住了带噪声的标签；训练准确率升到测试准确率之上。（比课程数据噪声更大，噪声 0.8、200 个点，让这一课一目了然。）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/content_text.py" line="19"/>
        <source>λ far too large: the penalty dominates, the weights collapse and the boundary cannot follow the data.</source>
        <translation>λ 太大：惩罚项占了上风，权重塌缩，边界无法贴合数据。</translation>
    </message>
</context>
<context>
    <name>Scrubber</name>
    <message>
        <location filename="../../regviz/gui/actions/scrubbing.py" line="55"/>
        <source>Continue from step {step:,}</source>
        <translation>从第 {step:,} 步继续</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/history_scrubber.py" line="143"/>
        <source>The whole run. Drag to see the network as it was at any step (snaps to the nearest saved checkpoint); orange marks are setting changes. ▶ Play returns to now.</source>
        <translation>整个训练过程。拖动可查看网络在任意一步的样子（对齐到最近保存的检查点）；橙色标记是设置的更改。▶ 播放回到当前。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/history_scrubber.py" line="151"/>
        <source>Continue from here</source>
        <translation>从这里继续</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/history_scrubber.py" line="153"/>
        <source>Train on from the step shown, with the current settings; the later history is dropped (Ctrl+Z brings it back)</source>
        <translation>用当前设置从显示的这一步继续训练；之后的历史会被丢弃（Ctrl+Z 可恢复）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/history_scrubber.py" line="188"/>
        <source>now: step {step:,}</source>
        <translation>当前：第 {step:,} 步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/history_scrubber.py" line="191"/>
        <source>step {step:,} of {last:,}</source>
        <translation>第 {step:,} 步，共 {last:,} 步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/controls/history_scrubber.py" line="206"/>
        <source>step {step:,} …</source>
        <translation>第 {step:,} 步 …</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="25"/>
        <source>regviz sessions (*.regviz);;All files (*)</source>
        <translation>regviz 会话 (*.regviz);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="26"/>
        <source>Points (*.csv *.npz *.mat);;All files (*)</source>
        <translation>数据点 (*.csv *.npz *.mat);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="33"/>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="34"/>
        <source>Open a saved .regviz session</source>
        <translation>打开保存的 .regviz 会话</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="36"/>
        <source>&amp;Save session…</source>
        <translation>保存会话(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="37"/>
        <source>Save settings, points, weights and history in one .regviz file</source>
        <translation>把设置、数据点、权重和历史记录保存到一个 .regviz 文件</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="41"/>
        <source>Save settings and points only…</source>
        <translation>只保存设置和数据点…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="42"/>
        <source>Save settings and points; opening it starts training from step 0</source>
        <translation>保存设置和数据点；打开时从第 0 步开始训练</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="45"/>
        <source>&amp;Load data…</source>
        <translation>载入数据(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="46"/>
        <source>Train on your own points: CSV (x1, x2, label), NPZ or the course&apos;s data.mat</source>
        <translation>用你自己的数据点训练：CSV（x1, x2, 标签）、NPZ 或课程的 data.mat</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="77"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="85"/>
        <source>Saving {path} …</source>
        <translation>正在保存 {path} …</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="89"/>
        <source>Could not save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="90"/>
        <source>The session was not saved to {path}:
{error}</source>
        <translation>会话没有保存到 {path}：
{error}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="93"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="100"/>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="105"/>
        <source>Opening {path} …</source>
        <translation>正在打开 {path} …</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="109"/>
        <source>Could not open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="110"/>
        <source>{path} was not opened; the current session is unchanged.

{error}</source>
        <translation>没有打开 {path}；当前会话保持不变。

{error}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="113"/>
        <source>Open {file}</source>
        <translation>打开 {file}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="115"/>
        <source>Opened {path} at step {step:,}</source>
        <translation>已打开 {path}，位于第 {step:,} 步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="124"/>
        <source>Load data</source>
        <translation>载入数据</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="129"/>
        <source>Loading {path} …</source>
        <translation>正在载入 {path} …</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="134"/>
        <source>Could not load the data</source>
        <translation>无法载入数据</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="135"/>
        <source>The points in {file} were not loaded; training continues on the current points.

{error}</source>
        <translation>没有载入 {file} 中的数据点；训练继续使用当前的数据点。

{error}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/session_actions.py" line="140"/>
        <source>Training on the points in {path}</source>
        <translation>正在用 {path} 中的数据点训练</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="44"/>
        <source>Play / pause training</source>
        <translation>播放 / 暂停训练</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="47"/>
        <source>Pause and train exactly one step</source>
        <translation>暂停并只训练一步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="50"/>
        <source>Reset: back to step 0 with this seed&apos;s initial weights</source>
        <translation>重置：回到第 0 步，使用此种子的初始权重</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="53"/>
        <source>Faster: double the training speed (past 100,000: max)</source>
        <translation>加快：训练速度加倍（超过 100,000 即为 max）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="56"/>
        <source>Slower: halve the training speed</source>
        <translation>减慢：训练速度减半</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="59"/>
        <source>Full speed (max) on / off</source>
        <translation>全速（max）开 / 关</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="62"/>
        <source>Load the preset of that number in the preset list (training restarts on the preset&apos;s own points)</source>
        <translation>载入预设列表中对应编号的预设（用该预设自己的数据点重新开始训练）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="66"/>
        <source>Undo: bring back the run a reset, preset, setting or loading threw away</source>
        <translation>撤销：恢复被重置、预设、设置或载入丢弃的训练</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="69"/>
        <source>Save a screenshot of the whole window (PNG)</source>
        <translation>保存整个窗口的截图（PNG）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="72"/>
        <source>Export the history (CSV) or a plot (PNG/SVG)</source>
        <translation>导出历史记录（CSV）或一张图（PNG/SVG）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="75"/>
        <source>Open a saved session</source>
        <translation>打开保存的会话</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="78"/>
        <source>Save the session (settings, points, weights, history)</source>
        <translation>保存会话（设置、数据点、权重、历史记录）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="81"/>
        <source>Load your own points from a CSV, NPZ or .mat file</source>
        <translation>从 CSV、NPZ 或 .mat 文件载入你自己的数据点</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="84"/>
        <source>Edit points: click adds, right-click removes</source>
        <translation>编辑数据点：单击添加，右键单击删除</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="87"/>
        <source>Lesson: next scene (a presenter&apos;s clicker sends Page Down)</source>
        <translation>课程：下一个场景（翻页笔发送 Page Down）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="90"/>
        <source>Lesson: previous scene</source>
        <translation>课程：上一个场景</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="93"/>
        <source>Presentation mode on / off</source>
        <translation>演示模式开 / 关</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="96"/>
        <source>Close the settings drawer, or leave presentation mode</source>
        <translation>关闭设置抽屉，或退出演示模式</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="99"/>
        <source>Show / hide all settings (the panel, or its drawer over the views)</source>
        <translation>显示 / 隐藏全部设置（面板，或视图上方的抽屉）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="102"/>
        <source>What am I looking at? (every view explained)</source>
        <translation>我在看什么？（逐一解释每个视图）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="105"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/shortcuts.py" line="131"/>
        <source> or </source>
        <translation> 或 </translation>
    </message>
</context>
<context>
    <name>Speed</name>
    <message>
        <location filename="../../regviz/gui/actions/speed_actions.py" line="51"/>
        <source>Slower</source>
        <translation>减慢</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/speed_actions.py" line="52"/>
        <source>Halve the training speed (steps per second)</source>
        <translation>训练速度（每秒步数）减半</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/speed_actions.py" line="54"/>
        <source>Faster</source>
        <translation>加快</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/speed_actions.py" line="55"/>
        <source>Double the training speed; past 100,000 steps/s: max</source>
        <translation>训练速度加倍；超过每秒 100,000 步即为 max</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/speed_actions.py" line="57"/>
        <source>Full speed on / off</source>
        <translation>全速开 / 关</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/speed_actions.py" line="58"/>
        <source>Train as fast as the machine allows, or go back to the speed before</source>
        <translation>以机器允许的最快速度训练，或回到之前的速度</translation>
    </message>
</context>
<context>
    <name>Sweep</name>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="46"/>
        <source>Done. Lowest test error {error:.1f}% at {setting} = {value:.3g}.{note}
{reading}</source>
        <translation>完成。最低测试错误率 {error:.1f}%，在 {setting} = {value:.3g} 处。{note}
{reading}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="48"/>
        <source> {count} models diverged (their last finite weights are shown).</source>
        <translation> {count} 个模型发散（显示的是它们最后的有限权重）。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="61"/>
        <source>points from {file}</source>
        <translation>数据点来自 {file}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="63"/>
        <source>preset {name}</source>
        <translation>预设 {name}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="64"/>
        <source>custom settings</source>
        <translation>自定义设置</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="65"/>
        <source>Every model: {preset} — {settings}</source>
        <translation>每个模型：{preset} — {settings}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="110"/>
        <source>Which setting gets a different value in each model</source>
        <translation>每个模型取不同值的那个设置</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="117"/>
        <source>The smallest value of the log grid (e.g. 0.01 or 1e-3); for L1 and L2 a model with λ = 0 is added</source>
        <translation>对数网格的最小值（例如 0.01 或 1e-3）；L1 和 L2 会另加一个 λ = 0 的模型</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="119"/>
        <source>The largest value of the log grid (e.g. 0.01 or 1e-3); for L1 and L2 a model with λ = 0 is added</source>
        <translation>对数网格的最大值（例如 0.01 或 1e-3）；L1 和 L2 会另加一个 λ = 0 的模型</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="128"/>
        <source>How many values on the log grid ({least}–{most})</source>
        <translation>对数网格上的取值个数（{least}–{most}）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="136"/>
        <source>Training steps of every model: long enough to overfit without a penalty</source>
        <translation>每个模型的训练步数：要足够长，使没有惩罚项时出现过拟合</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="139"/>
        <source>▶  Run sweep</source>
        <translation>▶  开始扫描</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="141"/>
        <source>Train one model per value in parallel processes</source>
        <translation>在并行进程中为每个取值训练一个模型</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="143"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="145"/>
        <source>Stop every model now; the points already trained stay</source>
        <translation>立即停止所有模型；已训练好的点保留</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="159"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="160"/>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="281"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="161"/>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="282"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="162"/>
        <source>points</source>
        <translation>取值个数</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="163"/>
        <source>steps per model</source>
        <translation>每个模型的步数</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="184"/>
        <source>The settings every model shares: the main window&apos;s when the sweep starts</source>
        <translation>所有模型共用的设置：扫描开始时主窗口的设置</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="188"/>
        <source>%v of %m models trained</source>
        <translation>已训练 %v / %m 个模型</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="201"/>
        <source>Choose a range and press Run sweep.</source>
        <translation>选择范围，然后按“开始扫描”。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="240"/>
        <source>regviz — λ sweep ({preset})</source>
        <translation>regviz — λ 扫描（{preset}）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="286"/>
        <source>&apos;{end}&apos; must be a number such as 0.01 or 1e-3, not {text}</source>
        <translation>“{end}”必须是数值，例如 0.01 或 1e-3，而不是 {text}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="295"/>
        <source>{setting}: need {lowest:g} &lt; from &lt; to ≤ {limit} (got from {low:g}, to {high:g})</source>
        <translation>{setting}：需要 {lowest:g} &lt; 从 &lt; 到 ≤ {limit}（现在 从 {low:g}，到 {high:g}）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="319"/>
        <source>Cannot start the sweep: {error}</source>
        <translation>无法开始扫描：{error}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="328"/>
        <source>Training {count} models in {workers} processes…</source>
        <translation>正在用 {workers} 个进程训练 {count} 个模型…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="343"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="362"/>
        <source>Cancelled: {done} of {count} models were trained.</source>
        <translation>已取消：训练了 {done} / {count} 个模型。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="379"/>
        <source>{count} models failed: {failure}</source>
        <translation>{count} 个模型失败：{failure}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/windows/sweep_window.py" line="383"/>
        <source>Every model diverged: lower the learning rate.</source>
        <translation>所有模型都发散了：请降低学习率。</translation>
    </message>
</context>
<context>
    <name>Teach</name>
    <message>
        <location filename="../../regviz/gui/actions/teach_actions.py" line="23"/>
        <source>Compare runs…</source>
        <translation>对比实验…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/teach_actions.py" line="25"/>
        <source>The same data and initial weights with 2–4 regularization settings, trained side by side</source>
        <translation>相同的数据和初始权重，用 2–4 种正则化设置并排训练</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/teach_actions.py" line="29"/>
        <source>λ sweep…</source>
        <translation>λ 扫描…</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/teach_actions.py" line="31"/>
        <source>Train one model per λ on a log grid and plot the final train and test error against λ</source>
        <translation>在对数网格上为每个 λ 训练一个模型，并画出最终训练和测试错误率随 λ 的变化</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../regviz/gui/actions/undo_actions.py" line="106"/>
        <source>{action}: Ctrl+Z brings back step {step:,}</source>
        <translation>{action}：Ctrl+Z 可恢复到第 {step:,} 步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/undo_actions.py" line="115"/>
        <location filename="../../regviz/gui/actions/undo_actions.py" line="129"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/undo_actions.py" line="120"/>
        <source>Undone: {action} — back at step {step:,}</source>
        <translation>已撤销：{action} — 回到第 {step:,} 步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/undo_actions.py" line="127"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/undo_actions.py" line="131"/>
        <source>&amp;Undo {action} (back to step {step:,})</source>
        <translation>撤销{action}(&amp;U)（回到第 {step:,} 步）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/undo_actions.py" line="135"/>
        <source>Bring back the run as it was before: settings, points, weights, history and step</source>
        <translation>恢复之前的训练：设置、数据点、权重、历史记录和步数</translation>
    </message>
</context>
<context>
    <name>View</name>
    <message>
        <location filename="../../regviz/gui/actions/presentation.py" line="36"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/presentation.py" line="39"/>
        <source>Full screen, everything 1.6× larger, high contrast for a projector</source>
        <translation>全屏，所有内容放大 1.6 倍，高对比度，适合投影仪</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/presentation.py" line="42"/>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/actions/presentation.py" line="45"/>
        <source>Light text on a dark background</source>
        <translation>深色背景上的浅色文字</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <location filename="../../regviz/gui/views/accuracy_view.py" line="10"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/accuracy_view.py" line="11"/>
        <location filename="../../regviz/gui/views/compare_plots.py" line="88"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/accuracy_view.py" line="12"/>
        <source>Share of points classified correctly, measured without dropout. Train above test means the network learned its training points&apos; noise.</source>
        <translation>分类正确的数据点所占的比例，不使用丢弃法测量。训练高于测试，说明网络学到了训练点中的噪声。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/accuracy_view.py" line="20"/>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/accuracy_view.py" line="22"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/compare_plots.py" line="35"/>
        <location filename="../../regviz/gui/views/compare_plots.py" line="39"/>
        <source>run {n}</source>
        <translation>实验 {n}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/compare_plots.py" line="72"/>
        <source>Cost   — train total   ╌ test loss</source>
        <translation>代价   — 训练总损失   ╌ 测试损失</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/compare_plots.py" line="73"/>
        <location filename="../../regviz/gui/views/cost_view.py" line="35"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/compare_plots.py" line="75"/>
        <source>One colour per run. Solid: the training cost (data loss plus that run&apos;s penalty). Dashed: the data loss on the held-out test points. Where a run&apos;s dashed line climbs away from its solid line, that run overfits.</source>
        <translation>每个实验一种颜色。实线：训练代价（数据损失加上该实验的惩罚项）。虚线：留出的测试点上的数据损失。某个实验的虚线离开实线往上走，说明它过拟合了。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/compare_plots.py" line="87"/>
        <source>Accuracy   — train   ╌ test</source>
        <translation>准确率   — 训练   ╌ 测试</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/compare_plots.py" line="91"/>
        <source>One colour per run. Solid: share of training points classified correctly; dashed: the same on the test points (both without dropout).</source>
        <translation>每个实验一种颜色。实线：训练点中分类正确的比例；虚线：测试点上的同一比例（都不使用丢弃法）。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="29"/>
        <source>No penalty on these two weights (weight decay is not part of the loss): only the data loss is drawn.</source>
        <translation>这两个权重没有惩罚项（权重衰减不属于损失）：只画出数据损失。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="31"/>
        <source>No penalty on these two weights: only the data loss is drawn.</source>
        <translation>这两个权重没有惩罚项：只画出数据损失。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="33"/>
        <source>circles</source>
        <translation>圆</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="33"/>
        <source>diamonds</source>
        <translation>菱形</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="34"/>
        <source>rounded diamonds</source>
        <translation>圆角菱形</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="42"/>
        <source>layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="43"/>
        <source>layers {first} and {second}</source>
        <translation>第 {first} 层和第 {second} 层</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="47"/>
        <source>ellipses</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="48"/>
        <source>stretched {shape}</source>
        <translation>拉长的{shape}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="50"/>
        <source>straight bands (one weight is not penalized)</source>
        <translation>直条带（有一个权重不受惩罚）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="51"/>
        <source>Penalty {terms}{scale} on {where}: {shape}.</source>
        <translation>惩罚项 {terms}{scale} 作用于{where}：{shape}。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="56"/>
        <source>Two weights of this network (click two links in the Network tab to choose them) with every other parameter held where it is now. Blue: contours of the data loss. Purple: contours of the penalty as configured — circles for L2, diamonds for L1. The star is the lowest training cost J = data loss + penalty on this grid (✚: the data loss alone): there a data-loss contour (thick blue) touches a penalty contour (thick purple); with L1 that is often a corner, on an axis, where a weight is exactly 0. The dot is where the pair is now and the line the path it took.</source>
        <translation>网络中的两个权重（在“网络”标签页中单击两条连线来选择），其余参数都固定在当前值。蓝色：数据损失的等高线。紫色：按设置计算的惩罚项等高线——L2 是圆，L1 是菱形。星号是此网格上训练代价 J = 数据损失 + 惩罚项的最低点（✚：只看数据损失时的最低点）：在那里，一条数据损失等高线（粗蓝线）与一条惩罚等高线（粗紫线）相切；用 L1 时切点常在坐标轴上的角，那里有一个权重恰好为 0。圆点是这两个权重现在的位置，线是它们走过的路径。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="105"/>
        <source>Another pair: click two links in the Network tab.</source>
        <translation>换一对：在“网络”标签页中单击两条连线。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="194"/>
        <source>Computing the picture… (it is made only while this tab is shown)</source>
        <translation>正在计算图像…（只在显示此标签页时计算）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="220"/>
        <source>{penalty} The other weights as at step {step:,}.</source>
        <translation>{penalty}其余权重取第 {step:,} 步的值。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="252"/>
        <source>data loss</source>
        <translation>数据损失</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="253"/>
        <location filename="../../regviz/gui/views/cost_view.py" line="45"/>
        <location filename="../../regviz/gui/views/cost_view.py" line="54"/>
        <source>penalty</source>
        <translation>惩罚项</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="254"/>
        <source>lowest J</source>
        <translation>J 最低点</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="255"/>
        <source>data loss only</source>
        <translation>只看数据损失</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="256"/>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/constraint_view.py" line="257"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/cost_view.py" line="27"/>
        <source>lowest test loss, step {step:,}
train {train:.0f}% · test {test:.0f}%</source>
        <translation>最低测试损失，第 {step:,} 步
训练 {train:.0f}% · 测试 {test:.0f}%</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/cost_view.py" line="34"/>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/cost_view.py" line="38"/>
        <source>The training cost is the data loss plus the penalty; the test loss is the data loss on held-out points (it carries no penalty). A gap that opens between train and test is overfitting. The star marks the lowest test loss so far: where early stopping would keep the weights. Decoupled weight decay is not part of the loss, so the penalty curve leaves it out.</source>
        <translation>训练代价是数据损失加上惩罚项；测试损失是留出的数据点上的数据损失（不含惩罚项）。训练和测试之间拉开的差距就是过拟合。星号标出目前最低的测试损失：早停会在那里保留权重。解耦权重衰减不属于损失，所以惩罚曲线不包含它。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/cost_view.py" line="46"/>
        <source>penalty (weight decay not in it)</source>
        <translation>惩罚项（不含权重衰减）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/cost_view.py" line="52"/>
        <source>train data loss</source>
        <translation>训练数据损失</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/cost_view.py" line="55"/>
        <source>train total</source>
        <translation>训练总损失</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/cost_view.py" line="57"/>
        <source>test loss (no penalty)</source>
        <translation>测试损失（无惩罚项）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="25"/>
        <source>mistakes: train {}, test {}</source>
        <translation>错误：训练 {}，测试 {}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="26"/>
        <source>largest spread {spread:.2f}</source>
        <translation>最大分歧 {spread:.2f}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="30"/>
        <source>× train {}, test {}</source>
        <translation>× 训练 {}，测试 {}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="34"/>
        <source>Colour shows what the network predicts at every point of the plane (evaluated without dropout); the 50% line is the decision boundary. Filled circles are training points, hollow squares test points; a black × marks a point the network gets wrong. Click a training point to follow it in the network diagram.</source>
        <translation>颜色表示网络对平面上每一点的预测（评估时不使用丢弃法）；50% 线就是决策边界。实心圆是训练点，空心方块是测试点；黑色 × 标出网络分错的点。单击一个训练点，可在网络结构图中跟踪它。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="72"/>
        <source>train points ●</source>
        <translation>训练点 ●</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="73"/>
        <source>test points □</source>
        <translation>测试点 □</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="74"/>
        <source>mark mistakes ×</source>
        <translation>标出错误 ×</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="81"/>
        <source>thinned nets</source>
        <translation>稀疏子网络</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="83"/>
        <source>Dropout as an ensemble: faint lines are the boundaries of 12 thinned networks (random dropout masks, the same weights). The bold line is the network used without dropout, roughly their average. Only with keep_prob &lt; 1.</source>
        <translation>把丢弃法看作集成：浅色线是 12 个稀疏子网络的边界（随机丢弃掩码，相同的权重）。粗线是不使用丢弃法的网络，大致是它们的平均。仅在 keep_prob &lt; 1 时可用。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="87"/>
        <source>MC uncertainty</source>
        <translation>MC 不确定性</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="89"/>
        <source>Monte-Carlo dropout: shading shows how much the 12 thinned networks disagree (standard deviation of their predictions); darker means less certain. Only with keep_prob &lt; 1.</source>
        <translation>蒙特卡洛丢弃法：阴影表示 12 个稀疏子网络的分歧有多大（其预测的标准差）；颜色越深越不确定。仅在 keep_prob &lt; 1 时可用。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="111"/>
        <source>dropout as an ensemble:</source>
        <translation>丢弃法看作集成：</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/decision_boundary_view.py" line="336"/>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/history_plot.py" line="96"/>
        <source>log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/history_plot.py" line="98"/>
        <source>Show the y axis on a log scale: small losses stay visible</source>
        <translation>y 轴用对数刻度显示：很小的损失也看得见</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/history_plot.py" line="285"/>
        <source>step (log scale)</source>
        <translation>步数（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/history_plot.py" line="286"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/history_plot.py" line="504"/>
        <source>step {step:,}</source>
        <translation>第 {step:,} 步</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="21"/>
        <source>keep_prob {kp:g} — {dropped} of {hidden} hidden units dropped for training point #{point} at step {step:,}</source>
        <translation>keep_prob {kp:g} — 第 {step:,} 步，训练点 #{point} 丢弃了 {hidden} 个隐藏单元中的 {dropped} 个</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="39"/>
        <source>Units as circles, links coloured by the sign of the weight (blue +, orange −) and as thick as its size. Grey crossed units were switched off by dropout in this step for the selected training point; the raster on the right shows every unit (row) for every training point (column) this step: dark means dropped. Click two links to see them in the Constraint tab (highlighted, x and y).</source>
        <translation>圆圈是单元，连线的颜色表示权重的正负（蓝 +，橙 −），粗细表示大小。灰色打叉的单元是这一步中丢弃法对所选训练点关闭的单元；右边的栅格图显示这一步每个训练点（列）的每个单元（行）：深色表示被丢弃。单击两条连线，可在“约束”标签页中查看它们（高亮显示为 x 和 y）。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="175"/>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="176"/>
        <source>hidden {layer}</source>
        <translation>隐藏层 {layer}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="178"/>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="182"/>
        <source>{layer}
{units} units</source>
        <translation>{layer}
{units} 个单元</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="184"/>
        <source>{layer}
({drawn} drawn)</source>
        <translation>{layer}
（画出 {drawn} 个）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="338"/>
        <source>keep_prob {kp:g} — no dropout: every unit is used (step {step:,})</source>
        <translation>keep_prob {kp:g} — 不丢弃：使用全部单元（第 {step:,} 步）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="342"/>
        <source>keep_prob {kp:g} — training point #{point} is not in this step&apos;s mini-batch</source>
        <translation>keep_prob {kp:g} — 训练点 #{point} 不在这一步的小批量中</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="351"/>
        <source>row of this step&apos;s mini-batch</source>
        <translation>本步小批量中的行</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="365"/>
        <source>no dropout
(keep_prob = 1)</source>
        <translation>不丢弃
（keep_prob = 1）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="505"/>
        <source>dropout masks this step</source>
        <translation>本步的丢弃掩码</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="507"/>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/network_diagram_view.py" line="352"/>
        <source>training point</source>
        <translation>训练点</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/shrink_view.py" line="31"/>
        <source>nothing shrinks the weights</source>
        <translation>没有任何东西在缩小权重</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/shrink_view.py" line="34"/>
        <source>known after the first step</source>
        <translation>第一步之后才知道</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/shrink_view.py" line="37"/>
        <source>every weight loses {share} per step</source>
        <translation>每个权重每步损失 {share}</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/shrink_view.py" line="43"/>
        <source>each weight loses {low} to {high} per step, by its own gradients</source>
        <translation>每个权重每步损失 {low} 到 {high}，取决于它自己的梯度</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/shrink_view.py" line="46"/>
        <source>; {held:.0f}% of them held at about 0</source>
        <translation>；其中 {held:.0f}% 停在 0 附近</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/shrink_view.py" line="63"/>
        <source>The share of each weight that regularization takes away in one step, one bar per range (log scale). Decoupled weight decay (AdamW) takes the same share, lr·wd, from every weight: one bar. L2 through Adam is divided by each weight&apos;s recent gradient size, lr·2λ/(√v̂ + ε): weights with large gradients lose less, weights with small ones far more — a spread.</source>
        <translation>正则化在一步中从每个权重取走的比例，每个区间一根柱（对数刻度）。解耦权重衰减（AdamW）从每个权重取走相同的比例 lr·wd：只有一根柱。经过 Adam 的 L2 要除以每个权重近期的梯度大小，lr·2λ/(√v̂ + ε)：梯度大的权重损失少，梯度小的权重损失多得多——于是分散开来。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/shrink_view.py" line="113"/>
        <source>share of each weight taken per step</source>
        <translation>每步从每个权重取走的比例</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/shrink_view.py" line="115"/>
        <source>% of weights</source>
        <translation>权重的 %</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/sweep_plot.py" line="27"/>
        <source>Each pair of markers is one network trained from the same initial weights with a different setting, to the same number of steps. Train error falls as the penalty weakens; test error is lowest in between: too little regularization overfits, too much underfits.</source>
        <translation>每对标记是一个网络：从相同的初始权重出发，用不同的设置训练相同的步数。惩罚越弱，训练错误率越低；测试错误率在中间最低：正则化太少会过拟合，太多会欠拟合。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/sweep_plot.py" line="48"/>
        <source>train error</source>
        <translation>训练错误率</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/sweep_plot.py" line="51"/>
        <source>test error</source>
        <translation>测试错误率</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/sweep_plot.py" line="74"/>
        <source>error (%)</source>
        <translation>错误率 (%)</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/sweep_plot.py" line="90"/>
        <source>Final error after {steps:,} steps against {setting}</source>
        <translation>训练 {steps:,} 步后的最终错误率与 {setting} 的关系</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/sweep_plot.py" line="93"/>
        <source>{setting} (log scale)</source>
        <translation>{setting}（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/sweep_plot.py" line="147"/>
        <source>best {setting} = {value:.3g}
test error {error:.1f}%</source>
        <translation>最佳 {setting} = {value:.3g}
测试错误率 {error:.1f}%</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/weight_histogram_view.py" line="45"/>
        <source>How each layer&apos;s weights are spread, step by step: time runs to the right, the weight value goes up, and the darker a spot, the more weights have that value. L2 squeezes the band toward 0; L1 pulls many weights onto exactly 0 (a dark line on the dashed 0 line).</source>
        <translation>每层权重逐步的分布：时间向右，权重值向上，颜色越深，取该值的权重越多。L2 把这条带向 0 挤压；L1 把许多权重拉到恰好为 0（虚线 0 上的一条深色线）。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/weight_histogram_view.py" line="106"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/weight_histogram_view.py" line="161"/>
        <source>step →   ·   brighter = more weights   ·   dashed line = 0</source>
        <translation>步数 →   ·   越亮 = 权重越多   ·   虚线 = 0</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/weight_histogram_view.py" line="164"/>
        <source>step →   ·   darker = more weights   ·   dashed line = 0</source>
        <translation>步数 →   ·   越深 = 权重越多   ·   虚线 = 0</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/weight_norms_view.py" line="15"/>
        <source>Weight norm per layer</source>
        <translation>每层的权重范数</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/weight_norms_view.py" line="16"/>
        <source>‖W‖</source>
        <translation>‖W‖</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/weight_norms_view.py" line="19"/>
        <source>The Frobenius norm ‖W‖ of each layer&apos;s weights over the steps. A penalty pulls it down; with L1 on, the line below shows the share of each layer&apos;s weights that are exactly 0 and Σ|W|.</source>
        <translation>每层权重的 Frobenius 范数 ‖W‖ 随步数的变化。惩罚项会把它拉低；开启 L1 时，下面一行显示每层中恰好为 0 的权重比例和 Σ|W|。</translation>
    </message>
    <message>
        <location filename="../../regviz/gui/views/weight_norms_view.py" line="117"/>
        <source>exact zeros: {zeros}   ·   Σ|W|: {sums}</source>
        <translation>恰好为 0：{zeros}   ·   Σ|W|：{sums}</translation>
    </message>
</context>
</TS>
