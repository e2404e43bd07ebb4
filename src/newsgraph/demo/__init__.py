"""The bundled demo corpus: original articles written for newsgraph about fictional events.

Seven stories (two look-alike earthquakes, two look-alike arrests, a trade deal, a fire and a
strike) told by six fictional outlets, with quotes, anonymous sources, captions, credit lines,
relative and absolute dates, one syndicated copy and one story whose outlets disagree on the
death toll. See README.md in this folder for the known answers tests rely on.
"""

from pathlib import Path

DEMO_CORPUS = Path(__file__).with_name("corpus")
