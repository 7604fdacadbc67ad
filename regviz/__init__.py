"""regviz: watch regularization work while a small neural network trains.

``regviz.core`` is the pure-numpy engine (public API); ``regviz.gui`` the Qt window.
"""

__version__ = "0.1.0"
