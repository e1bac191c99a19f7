"""JKK-JKM workbench: Monte Carlo forecasts of city-funded BPJS Ketenagakerjaan coverage (Indonesia)."""

__version__ = "0.1.0"
