"""Small reusable widgets: verdict panel, camera preview, header lights."""
