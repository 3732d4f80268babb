"""Renderers: findings and claims to text, JSON, SARIF, GitHub annotations, HTML."""
