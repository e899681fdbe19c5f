"""Loaders for the gold data sets, each yielding plain records with character offsets."""
