-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "archivedFromStage" TEXT;

-- AlterTable
ALTER TABLE "Skill" ADD COLUMN     "resourceUrl" TEXT,
ADD COLUMN     "targetDate" TEXT;

-- CreateTable
CREATE TABLE "ContactSuggestion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "suggestedById" TEXT NOT NULL,
    "conversationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillMention" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkillMention_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactSuggestion_workspaceId_ownerId_idx" ON "ContactSuggestion"("workspaceId", "ownerId");

-- CreateIndex
CREATE INDEX "ContactSuggestion_suggestedById_idx" ON "ContactSuggestion"("suggestedById");

-- CreateIndex
CREATE UNIQUE INDEX "ContactSuggestion_contactId_suggestedById_key" ON "ContactSuggestion"("contactId", "suggestedById");

-- CreateIndex
CREATE INDEX "SkillMention_workspaceId_ownerId_idx" ON "SkillMention"("workspaceId", "ownerId");

-- CreateIndex
CREATE INDEX "SkillMention_conversationId_idx" ON "SkillMention"("conversationId");

-- CreateIndex
CREATE UNIQUE INDEX "SkillMention_skillId_conversationId_key" ON "SkillMention"("skillId", "conversationId");

-- AddForeignKey
ALTER TABLE "ContactSuggestion" ADD CONSTRAINT "ContactSuggestion_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactSuggestion" ADD CONSTRAINT "ContactSuggestion_suggestedById_fkey" FOREIGN KEY ("suggestedById") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillMention" ADD CONSTRAINT "SkillMention_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillMention" ADD CONSTRAINT "SkillMention_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

