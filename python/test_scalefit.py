"""Tests of the Python bridge against the built command line (python3 -m unittest discover -s python)."""

import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scalefit  # noqa: E402


def runs():
    """30 runs of L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 as a list of dicts."""
    rows = []
    for n in (1e7, 2e7, 5e7, 1e8, 2e8, 5e8):
        for d in (2e8, 1e9, 3e9, 1e10, 3e10):
            rows.append({"params": n, "tokens": d, "loss": 1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28})
    return rows


class BridgeTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.law = scalefit.fit(runs(), threads=2)

    def test_fit_returns_the_document_and_predict_reproduces_the_data(self):
        self.assertTrue(self.law["success"])
        self.assertAlmostEqual(self.law["natural_scale"]["E"], 1.69, delta=0.05)
        predicted = scalefit.predict(self.law, params=1e8, tokens=1e10)
        self.assertAlmostEqual(predicted, 1.69 + 406.4 / 1e8 ** 0.34 + 410.7 / 1e10 ** 0.28, delta=1e-3)
        self.assertEqual(len(scalefit.predict(self.law, params=[1e7, 1e8], tokens=[1e9, 1e10])), 2)

    def test_allocate_takes_a_fit_dict_and_a_range(self):
        result = scalefit.allocate(self.law, "1e21:1e23")
        rows = result.attrs["document"]["allocations"] if hasattr(result, "attrs") else result["allocations"]
        self.assertEqual([r["compute"] for r in rows], [1e21, 1e22, 1e23])
        for r in rows:
            self.assertTrue(math.isclose(6 * r["params"] * r["tokens"], r["compute"], rel_tol=1e-9))

    def test_bootstrap_of_a_fit(self):
        result = scalefit.bootstrap(self.law, data=runs(), resamples=5, threads=2)
        self.assertIsInstance(result, dict)

    def test_frontier_of_the_same_runs(self):
        result = scalefit.frontier(runs(), bootstrap=0)
        self.assertEqual(result["runs"], 30)
        self.assertGreater(len(result["frontier"]), 2)

    def test_a_failing_command_raises_with_its_message(self):
        with self.assertRaises(scalefit.ScalefitError) as raised:
            scalefit.fit([{"size": 1, "toks": 2, "val": 3}])
        self.assertEqual(raised.exception.code, 3)
        self.assertIn("--column params=COLUMN", raised.exception.stderr)


if __name__ == "__main__":
    unittest.main()
