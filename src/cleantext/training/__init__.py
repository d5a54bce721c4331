"""Training of the block model (``python -m cleantext.training``); needs the ``train`` extra.

Users never import this module: the package's inference (:mod:`cleantext._model`) needs numpy
only. The trainer reads the labelled plain-text news set from ``../shared`` (never shipped),
computes the same features the filter computes at run time, fits a multinomial logistic model
with scikit-learn, and writes ``model.json`` (vocabulary, classes, settings, figures) and
``weights.npy`` into ``src/cleantext/model/``. Same data, same bytes.
"""
