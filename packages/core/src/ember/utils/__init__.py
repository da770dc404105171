"""Utilities (torch.utils): hooks handles; data loading arrives with ember.utils.data."""
