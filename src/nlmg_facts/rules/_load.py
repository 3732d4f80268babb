"""Imports every rule module so their ``@rule`` decorators register them."""

# Add one import per rule module; keep sorted.
