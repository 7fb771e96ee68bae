# The declarative base of mm_mixins_module, built with registry().
from sqlalchemy.orm import registry

reg = registry()
Base = reg.generate_base()
