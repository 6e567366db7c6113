"""The checks wing: the engine that confronts stated figures with each other, and the catalogue of rules."""
