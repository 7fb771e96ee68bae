# The association-object pattern: the link table is a mapped class with extra
# columns, paired to both ends with back_populates.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Recipe(Base):
    __tablename__ = "recipes"
    id = Column(Integer, primary_key=True)
    name = Column(String(60))
    ingredients = relationship("RecipeIngredient", back_populates="recipe", cascade="all, delete-orphan")


class Ingredient(Base):
    __tablename__ = "ingredients"
    id = Column(Integer, primary_key=True)
    name = Column(String(60), unique=True)
    recipes = relationship("RecipeIngredient", back_populates="ingredient")


class RecipeIngredient(Base):
    __tablename__ = "recipe_ingredients"
    recipe_id = Column(ForeignKey("recipes.id", ondelete="CASCADE"), primary_key=True)
    ingredient_id = Column(ForeignKey("ingredients.id", ondelete="RESTRICT"), primary_key=True)
    quantity = Column(String(20))
    recipe = relationship("Recipe", back_populates="ingredients")
    ingredient = relationship("Ingredient", back_populates="recipes")
