"""The PostgreSQL hub: its schema, and pushing and pulling what kiosks made (psycopg 3)."""
