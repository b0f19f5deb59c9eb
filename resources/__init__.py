"""kiosk's resources (fonts, sounds, translations, branding): installed as the package
``kiosk._resources``; found through ``kiosk.assets``."""
